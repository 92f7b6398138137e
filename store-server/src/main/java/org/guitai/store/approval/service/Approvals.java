package org.guitai.store.approval.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.guitai.platform.persistence.OnceById;
import org.guitai.platform.security.Caller;
import org.guitai.store.approval.domain.Approval;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.approval.domain.ApprovalException;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.service.PinGuard;

/** Giving approvals (a manager's code and PIN at the requester's terminal) and using them up. */
@ApplicationScoped
public class Approvals {

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    PinGuard guard;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    @Inject
    Approvals self;

    /**
     * The manager types code and PIN at the requester's counter; the PIN is throttled like a login
     * and checked outside any transaction, the approval then written in one of its own.
     *
     * @param subject checks, before the PIN, that the subject can be approved (its feature throws the
     *                problem when not) and says what it is for the audit, or empty; not asked on a repeat
     */
    @OnceById
    @Transactional(TxType.NOT_SUPPORTED)
    public Approval grant(Optional<String> requestId, Caller requester, String managerCode, String pin, ApprovalAction action,
                          Optional<String> subjectId, Supplier<Optional<String>> subject) {
        Optional<Approval> repeated = requestId.flatMap(id -> Optional.ofNullable(em.find(Approval.class, id)));
        if (repeated.isPresent()) {
            if (!repeated.get().isFor(action, subjectId.orElse(null), requester.staffCode())) {
                throw new IdConflictException("approval", requestId.get());
            }
            return repeated.get();
        }
        Optional<String> about = subject.get();
        AuditLog.Who who = new AuditLog.Who(requester.staffCode(), managerCode, requester.terminalId());
        Staff manager = guard.verify(managerCode, pin, requester.terminalId(), "approval of " + action + " asked by " + requester.staffCode(), who);
        if (!manager.has(Role.STORE_MANAGER)) {
            audit.recordRefusal(AuditEvent.APPROVAL_REFUSED, who, action.name(), managerCode + " is not a store manager");
            throw new ApprovalException(managerCode + " is not a store manager and cannot approve " + action);
        }
        return self.record(requestId.orElseGet(() -> UUID.randomUUID().toString()), requester, manager.code(), action, subjectId, about);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Approval record(String id, Caller requester, String managerCode, ApprovalAction action, Optional<String> subjectId, Optional<String> about) {
        Instant now = clock.instant();
        Approval approval = new Approval(id, action, subjectId.orElse(null), requester.staffCode(), managerCode,
                requester.terminalId(), now, now.plus(settings.approvalTtl()));
        em.persist(approval);
        audit.record(AuditEvent.APPROVAL_GRANTED, new AuditLog.Who(requester.staffCode(), managerCode, requester.terminalId()),
                approval.saleId().orElse(null), action.name(), "approval " + approval.id()
                        + approval.shiftId().map(s -> " for shift " + s).orElse("") + approval.returnId().map(r -> " for return " + r).orElse("")
                        + about.map(a -> " (" + a + ")").orElse("")
                        + " valid until " + approval.expiresAt());
        return approval;
    }

    /**
     * Uses the approval for the action, in the caller's transaction: if the action fails, the
     * approval stays unused.
     *
     * @return who asked and who approved, for the audit entry of the action
     */
    @Transactional(TxType.MANDATORY)
    public AuditLog.Who use(Optional<String> approvalId, ApprovalAction action, String subjectId, Caller caller, String why) {
        String id = approvalId.orElseThrow(() -> new ApprovalException(why + ": ask a store manager for an approval of " + action));
        Approval approval = Optional.ofNullable(em.find(Approval.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new ApprovalException("approval " + id + " does not exist"));
        approval.use(action, subjectId, caller.staffCode(), caller.terminalId(), clock.instant());
        return new AuditLog.Who(caller.staffCode(), approval.approvedBy(), caller.terminalId());
    }

    /** The approvals given at this store in the window, newest first (for the manager). */
    @Transactional(TxType.SUPPORTS)
    public java.util.List<Approval> givenBetween(Instant from, Instant to, Caller reader) {
        reader.require("reading the approvals given", Role.STORE_MANAGER);
        return em.createQuery("select a from Approval a where a.createdAt >= :from and a.createdAt < :to order by a.createdAt desc", Approval.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(1000).getResultList();
    }
}
