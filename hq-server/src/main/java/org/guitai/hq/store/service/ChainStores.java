package org.guitai.hq.store.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;
import org.guitai.hq.store.domain.ChainStore;
import org.guitai.hq.store.domain.StoreNotAuthenticatedException;

/** The chain's stores, and recognising a store by its credential. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ChainStores {

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    public Optional<ChainStore> find(String id) {
        return Optional.ofNullable(em.find(ChainStore.class, id));
    }

    public List<ChainStore> all() {
        return em.createQuery("select s from ChainStore s order by s.id", ChainStore.class).getResultList();
    }

    /** @throws StoreNotAuthenticatedException unless {@code credential} is the store's */
    public ChainStore authenticate(String storeId, String credential) {
        return find(storeId).filter(s -> s.accepts(credential)).orElseThrow(StoreNotAuthenticatedException::new);
    }

    @Transactional(TxType.MANDATORY)
    public void add(ChainStore store) {
        em.persist(store);
    }
}
