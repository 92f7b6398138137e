package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.guitai.store.platform.persistence.GaplessNumbers;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleNotFoundException;

@ApplicationScoped
public class SaleRepository {

    @PersistenceContext(unitName = "store")
    EntityManager em;

    public Optional<Sale> find(String id) {
        return Optional.ofNullable(em.find(Sale.class, id));
    }

    public Sale get(String id) {
        return find(id).orElseThrow(() -> new SaleNotFoundException("id " + id));
    }

    /** The sale locked until the transaction ends: two terminals changing one sale take turns. */
    public Sale getForUpdate(String id) {
        return Optional.ofNullable(em.find(Sale.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new SaleNotFoundException("id " + id));
    }

    public Optional<Sale> findBySlip(long slipNumber) {
        return em.createQuery("select s from Sale s where s.slipNumber = :slip", Sale.class)
                .setParameter("slip", slipNumber)
                .getResultStream().findFirst();
    }

    public void add(Sale sale) {
        em.persist(sale);
        em.flush();
    }

    /** The next number of a gapless sequence, taken under a row lock in the caller's transaction. */
    public long nextNumber(String counter) {
        return GaplessNumbers.next(em, counter);
    }

    /** Sends what the transaction has changed so far, so that what follows holds its locks briefly. */
    public void flush() {
        em.flush();
    }
}
