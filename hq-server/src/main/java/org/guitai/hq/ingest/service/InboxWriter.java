package org.guitai.hq.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.guitai.hq.ingest.domain.InboxEntry;
import org.guitai.hq.ingest.domain.SaleFacts;
import org.guitai.kernel.contract.StoreEvent;

/**
 * Applies one event in its own transaction, together with its inbox entry; an event already in the
 * inbox changes nothing, and one {@link SaleFacts} cannot read leaves nothing behind.
 */
@ApplicationScoped
public class InboxWriter {

    public enum Outcome {
        RECORDED,
        ALREADY_RECORDED
    }

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(TxType.REQUIRES_NEW)
    public Outcome apply(String storeId, StoreEvent event) {
        String eventId = event.id().toString();
        if (em.find(InboxEntry.class, new InboxEntry.Key(storeId, eventId)) != null) {
            return Outcome.ALREADY_RECORDED;
        }
        em.persist(InboxEntry.received(storeId, event, clock.instant()));
        SaleFacts facts = SaleFacts.read(storeId, event);
        em.persist(facts.sale());
        facts.lines().forEach(em::persist);
        em.flush();
        return Outcome.RECORDED;
    }
}
