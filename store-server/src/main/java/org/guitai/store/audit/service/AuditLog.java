package org.guitai.store.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.platform.security.Caller;
import org.guitai.store.audit.domain.AuditEntry;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.staff.domain.Role;

/** Appends to the audit log. */
@ApplicationScoped
public class AuditLog {

    /** Who did it: the requester, the approving manager if any, and the terminal. */
    public record Who(String requestedBy, String approvedBy, String terminalId) {

        public static Who of(String requestedBy, String terminalId) {
            return new Who(requestedBy, null, terminalId);
        }

        /** The logged-in caller at their terminal, asking for nobody's approval. */
        public static Who of(Caller caller) {
            return of(caller.staffCode(), caller.terminalId());
        }
    }

    /** The columns an entry is written to when it goes with a batch of rows; the log numbers it ({@code seq}) itself. */
    private static final RowBatch.Table ENTRY = RowBatch.table("audit_entry",
            List.of("at", "event", "requested_by", "approved_by", "terminal_id", "sale_id", "subject", "detail"));

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    Clock clock;

    /** In the caller's transaction: the entry exists exactly when what it records does. */
    @Transactional(TxType.MANDATORY)
    public void record(AuditEvent event, Who who, String saleId, String subject, String detail) {
        em.persist(new AuditEntry(clock.instant(), event, who.requestedBy(), who.approvedBy(), who.terminalId(), saleId, subject, detail));
    }

    /**
     * The same, written with the rows of the caller's batch ({@link RowBatch}): in one round trip with
     * what it records, in the same transaction, so it still exists exactly when that does.
     */
    public void record(AuditEvent event, Who who, String saleId, String subject, String detail, RowBatch rows) {
        AuditEntry e = new AuditEntry(clock.instant(), event, who.requestedBy(), who.approvedBy(), who.terminalId(), saleId, subject, detail);
        rows.insert(ENTRY, e.at(), e.event(), e.requestedBy(), e.approvedBy(), e.terminalId(), e.saleId(), e.subject(), e.detail());
    }

    /** In a transaction of its own, for refusals whose own transaction is rolled back (failed logins). */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordRefusal(AuditEvent event, Who who, String subject, String detail) {
        em.persist(new AuditEntry(clock.instant(), event, who.requestedBy(), who.approvedBy(), who.terminalId(), null, subject, detail));
    }

    /** What happened in a period, for a store manager. */
    @Transactional(TxType.SUPPORTS)
    public List<AuditEntry> between(Instant from, Instant to, int limit, Caller reader) {
        reader.require("reading the audit log", Role.STORE_MANAGER);
        return em.createQuery("select a from AuditEntry a where a.at >= :from and a.at < :to order by a.seq", AuditEntry.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(limit)
                .getResultList();
    }

    /** What happened to one sale, for a store manager. */
    @Transactional(TxType.SUPPORTS)
    public List<AuditEntry> forSale(String saleId, Caller reader) {
        reader.require("reading the audit log", Role.STORE_MANAGER);
        return em.createQuery("select a from AuditEntry a where a.saleId = :sale order by a.seq", AuditEntry.class)
                .setParameter("sale", saleId)
                .getResultList();
    }
}
