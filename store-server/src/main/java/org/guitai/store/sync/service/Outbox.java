package org.guitai.store.sync.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.platform.security.Caller;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.sync.domain.OutboxEvent;
import org.guitai.store.sync.domain.OutboxEventNotFoundException;

/**
 * The outbox table: events join the caller's transaction when recorded; the relay takes them in
 * line and marks them delivered, failed (still in line) or set aside as dead letters; a manager
 * reads where the outbox stands and puts dead letters back in line.
 */
@ApplicationScoped
public class Outbox {

    /** Fired when an event is recorded, so the relay can deliver right after the commit. */
    public record EventRecorded(String id) {
    }

    /** Fired when a manager put dead letters back in line, so the relay tries them right after the commit. */
    public record EventsRequeued(int count) {
    }

    /** The next events in line, and whether more may wait behind them. */
    public record Batch(List<StoreEvent> events, boolean more) {
    }

    /** Where the outbox stands: events in line, the oldest of them, and the dead letters set aside. */
    public record Status(long pending, Optional<Instant> oldestPendingAt, long deadLetters) {
    }

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String IN_LINE = "e.deliveredAt is null and e.deadAt is null";
    private static final String DEAD = "e.deliveredAt is null and e.deadAt is not null";
    private static final RowBatch.Table EVENTS = RowBatch.table("outbox_event",
            List.of("id", "type", "payload", "created_at", "attempts", "dead_count"));

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    Event<EventRecorded> recorded;

    @Inject
    AuditLog audit;

    @Inject
    Event<EventsRequeued> requeued;

    @Inject
    Clock clock;

    /** Records the event in the caller's transaction: it exists exactly when the business rows do. */
    @Transactional(TxType.MANDATORY)
    public void record(StoreEvent event) {
        em.persist(new OutboxEvent(event.id().toString(), event.type(), JSON.toJson(event), clock.instant()));
        recorded.fire(new EventRecorded(event.id().toString()));
    }

    /**
     * The same, with the event's row joining {@code rows}, which the caller writes with the
     * business rows in one round trip, in the transaction it runs in.
     */
    @Transactional(TxType.MANDATORY)
    public void record(StoreEvent event, RowBatch rows) {
        // the row JPA writes for a new OutboxEvent (CounterRulesIT compares them): the rest start empty, the sequence from the table's counter
        rows.insert(EVENTS, event.id().toString(), event.type(), JSON.toJson(event), clock.instant(), 0, 0);
        recorded.fire(new EventRecorded(event.id().toString()));
    }

    /**
     * The oldest events in line, in the order they were recorded. An event the store itself cannot
     * read is set aside as a dead letter here, since HQ could only refuse it.
     */
    @Transactional
    public Batch nextInLine(int limit) {
        List<OutboxEvent> rows = em.createQuery("select e from OutboxEvent e where " + IN_LINE + " order by e.seq", OutboxEvent.class)
                .setMaxResults(limit)
                .getResultList();
        List<StoreEvent> events = new ArrayList<>();
        for (OutboxEvent row : rows) {
            String unreadable;
            try {
                StoreEvent event = JSON.fromJson(row.payload(), StoreEvent.class);
                if (event != null && event.id() != null && event.id().toString().equals(row.id()) && event.type() != null) {
                    events.add(event);
                    continue;
                }
                unreadable = "its payload does not carry its own id and a type";
            } catch (RuntimeException e) {
                unreadable = "its payload is not an event: " + e.getMessage();
            }
            String reason = "the store cannot read it: " + unreadable;
            LOG.warning(() -> "outbox event " + row.id() + " set aside: " + reason);
            row.setAside(reason, clock.instant());
        }
        return new Batch(events, rows.size() == limit);
    }

    @Transactional
    public void markDelivered(Collection<String> ids) {
        if (!ids.isEmpty()) {
            Instant now = clock.instant();
            events(ids).forEach(e -> e.delivered(now));
        }
    }

    /** HQ was not reached or failed: the events stay in line, with the attempt counted. */
    @Transactional
    public void markFailed(Map<String, String> errorsById) {
        if (!errorsById.isEmpty()) {
            Instant now = clock.instant();
            events(errorsById.keySet()).forEach(e -> e.failed(errorsById.get(e.id()), now));
        }
    }

    /** HQ refused these events: they become dead letters with its reasons. */
    @Transactional
    public void setAside(Map<String, String> reasonsById) {
        if (!reasonsById.isEmpty()) {
            Instant now = clock.instant();
            events(reasonsById.keySet()).forEach(e -> e.setAside(reasonsById.get(e.id()), now));
        }
    }

    @Transactional(TxType.SUPPORTS)
    public long pendingCount() {
        return em.createQuery("select count(e) from OutboxEvent e where " + IN_LINE, Long.class).getSingleResult();
    }

    /** In a transaction of its own: several reads outside one trip up Payara's non-transactional EntityManager after an earlier commit. */
    @Transactional
    public Status status(Caller reader) {
        manager(reader, "reading the outbox");
        Optional<Instant> oldest = em.createQuery("select e from OutboxEvent e where " + IN_LINE + " order by e.seq", OutboxEvent.class)
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(OutboxEvent::createdAt);
        long dead = em.createQuery("select count(e) from OutboxEvent e where " + DEAD, Long.class).getSingleResult();
        return new Status(pendingCount(), oldest, dead);
    }

    /** Counts stop here in {@link #glance()}: a health check must not slow down with the backlog. */
    public static final int GLANCE_LIMIT = 1000;

    /**
     * The status at a cost that does not grow with the backlog, for the health check: the oldest
     * pending event by index, counts of pending events and dead letters up to {@link #GLANCE_LIMIT}.
     */
    @Transactional
    public Status glance() {
        Optional<Instant> oldest = em.createQuery("select e from OutboxEvent e where " + IN_LINE + " order by e.seq", OutboxEvent.class)
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(OutboxEvent::createdAt);
        return new Status(countUpToLimit("delivered_at is null and dead_at is null"), oldest,
                countUpToLimit("delivered_at is null and dead_at is not null"));
    }

    private long countUpToLimit(String where) {
        return ((Number) em.createNativeQuery("select count(*) from (select 1 from outbox_event where " + where + " limit " + GLANCE_LIMIT + ") t")
                .getSingleResult()).longValue();
    }

    /** The dead letters, the most recently set aside first. */
    @Transactional
    public List<OutboxEvent> deadLetters(int limit, Caller reader) {
        manager(reader, "reading the outbox");
        return em.createQuery("select e from OutboxEvent e where " + DEAD + " order by e.deadAt desc, e.seq desc", OutboxEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** @throws OutboxEventNotFoundException when the outbox holds no event with this id */
    @Transactional
    public OutboxEvent get(String id, Caller reader) {
        manager(reader, "reading the outbox");
        return find(id, LockModeType.NONE).orElseThrow(() -> new OutboxEventNotFoundException(id));
    }

    /**
     * Puts a dead letter back in line at its old place, once HQ is fixed.
     *
     * @throws OutboxEventNotFoundException when the outbox holds no event with this id
     * @throws org.guitai.store.sync.domain.NotADeadLetterException when it is pending or delivered
     */
    @Transactional
    public OutboxEvent requeue(String id, Caller caller) {
        AuditLog.Who manager = AuditLog.Who.of(manager(caller, "requeueing a dead letter"));
        OutboxEvent event = find(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new OutboxEventNotFoundException(id));
        String refusal = event.deadReason().map(r -> " after: " + r).orElse("");
        event.requeue(manager.requestedBy(), clock.instant());
        audit.record(AuditEvent.OUTBOX_REQUEUED, manager, null, event.id(), event.type() + " event put back in line for HQ" + refusal);
        requeued.fire(new EventsRequeued(1));
        return event;
    }

    /** How many dead letters a manager put back in line, and how many are left. */
    public record Requeued(int requeued, long left) {
    }

    /** Puts the oldest dead letters back in line, at most {@code limit} of them. */
    @Transactional
    public Requeued requeueAll(Caller caller, int limit) {
        AuditLog.Who manager = AuditLog.Who.of(manager(caller, "requeueing dead letters"));
        List<OutboxEvent> dead = em.createQuery("select e from OutboxEvent e where " + DEAD + " order by e.seq", OutboxEvent.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(limit)
                .getResultList();
        Instant now = clock.instant();
        dead.forEach(e -> e.requeue(manager.requestedBy(), now));
        if (!dead.isEmpty()) {
            // one entry for the lot (up to a thousand events): how many, of which types, the oldest and the newest
            String types = dead.stream().map(OutboxEvent::type).distinct().sorted().collect(Collectors.joining(", "));
            audit.record(AuditEvent.OUTBOX_REQUEUED, manager, null, "dead letters",
                    "the " + dead.size() + " oldest dead letters put back in line for HQ (" + types + "), from " + dead.get(0).id()
                            + " to " + dead.get(dead.size() - 1).id());
            requeued.fire(new EventsRequeued(dead.size()));
        }
        em.flush();
        return new Requeued(dead.size(), em.createQuery("select count(e) from OutboxEvent e where " + DEAD, Long.class).getSingleResult());
    }

    /** Only a store manager sees and requeues what waits for HQ. */
    private static Caller manager(Caller caller, String what) {
        return caller.require(what, Role.STORE_MANAGER);
    }

    private Optional<OutboxEvent> find(String id, LockModeType lock) {
        return em.createQuery("select e from OutboxEvent e where e.id = :id", OutboxEvent.class)
                .setParameter("id", id)
                .setLockMode(lock)
                .getResultList().stream().findFirst();
    }

    private List<OutboxEvent> events(Collection<String> ids) {
        return em.createQuery("select e from OutboxEvent e where e.id in :ids", OutboxEvent.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
