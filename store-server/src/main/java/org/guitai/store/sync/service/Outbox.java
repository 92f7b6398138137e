package org.guitai.store.sync.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.store.sync.domain.OutboxEvent;

/** The outbox table: events join the caller's transaction when recorded; the relay reads and marks them. */
@ApplicationScoped
public class Outbox {

    /** Fired when an event is recorded, so the relay can deliver right after the commit. */
    public record EventRecorded(String id) {
    }

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    Event<EventRecorded> recorded;

    @Inject
    Clock clock;

    /** Records the event in the caller's transaction: it exists exactly when the business rows do. */
    @Transactional(TxType.MANDATORY)
    public void record(StoreEvent event) {
        em.persist(new OutboxEvent(event.id().toString(), event.type(), JSON.toJson(event), clock.instant()));
        recorded.fire(new EventRecorded(event.id().toString()));
    }

    /** The oldest undelivered events, in the order they were recorded. */
    @Transactional
    public List<StoreEvent> pending(int limit) {
        return em.createQuery("select e from OutboxEvent e where e.deliveredAt is null order by e.seq", OutboxEvent.class)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(e -> JSON.fromJson(e.payload(), StoreEvent.class))
                .toList();
    }

    @Transactional
    public void markDelivered(Collection<String> ids) {
        if (!ids.isEmpty()) {
            events(ids).forEach(e -> e.delivered(clock.instant()));
        }
    }

    @Transactional
    public void markFailed(Map<String, String> errorsById) {
        if (!errorsById.isEmpty()) {
            events(errorsById.keySet()).forEach(e -> e.failed(errorsById.get(e.id()), clock.instant()));
        }
    }

    @Transactional(TxType.SUPPORTS)
    public long pendingCount() {
        return em.createQuery("select count(e) from OutboxEvent e where e.deliveredAt is null", Long.class).getSingleResult();
    }

    private List<OutboxEvent> events(Collection<String> ids) {
        return em.createQuery("select e from OutboxEvent e where e.id in :ids", OutboxEvent.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
