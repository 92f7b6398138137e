package org.guitai.hq.store.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.guitai.hq.store.domain.ChainStore;
import org.guitai.hq.store.domain.StoreNotAuthenticatedException;
import org.guitai.platform.persistence.RowBatch;

/** The chain's stores in {@code store}. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ChainStores {

    private static final String COLUMNS = "select id, name, city, currency, active, credential_digest from store";
    private static final RowBatch.Table STORES = RowBatch.table("store", List.of("id", "name", "city", "currency", "active", "created_at"));

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    public Optional<ChainStore> find(String id) {
        return stores(em.createNativeQuery(COLUMNS + " where id = ?").setParameter(1, id).getResultList()).stream().findFirst();
    }

    /** Every store, by id. */
    public List<ChainStore> all() {
        return stores(em.createNativeQuery(COLUMNS + " order by id").getResultList());
    }

    /** @throws StoreNotAuthenticatedException unless {@code credential} is the store's */
    public ChainStore authenticate(String storeId, String credential) {
        return find(storeId).filter(s -> s.accepts(credential)).orElseThrow(StoreNotAuthenticatedException::new);
    }

    /** A store new to the chain, added at {@code now} in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public void add(ChainStore store, Instant now) {
        new RowBatch().insert(STORES, store.id(), store.name(), store.city(), store.currency().getCurrencyCode(), store.isActive(), now)
                .execute(em);
    }

    /** Keeps the credential issued to the store last, in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public void saveCredential(ChainStore store) {
        em.createNativeQuery("update store set credential_digest = ? where id = ?")
                .setParameter(1, store.credentialDigest().orElse(null)).setParameter(2, store.id()).executeUpdate();
    }

    private static List<ChainStore> stores(List<?> rows) {
        return rows.stream().map(Object[].class::cast)
                .map(r -> ChainStore.restored((String) r[0], (String) r[1], (String) r[2], Currency.getInstance(((String) r[3]).trim()),
                        active(r[4]), (String) r[5]))
                .toList();
    }

    /** A BOOLEAN column as the driver gives it (a Boolean, or a number for TINYINT(1)). */
    private static boolean active(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
