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

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    Clock clock;

    /** In the caller's transaction: the entry exists exactly when what it records does. */
    @Transactional(TxType.MANDATORY)
    public void record(AuditEvent event, Who who, String saleId, String subject, String detail) {
        em.persist(new AuditEntry(clock.instant(), event, who.requestedBy(), who.approvedBy(), who.terminalId(), saleId, subject, detail));
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
