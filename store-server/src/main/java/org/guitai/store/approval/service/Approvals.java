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
import org.guitai.store.approval.domain.Approval;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.approval.domain.ApprovalException;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.security.Caller;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.service.LoginGuard;

/** Giving approvals (a manager's code and PIN at the requester's terminal) and using them up. */
@ApplicationScoped
public class Approvals {

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    LoginGuard guard;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    /** The manager types code and PIN at the requester's counter; the PIN is throttled like a login. */
    @Transactional
    public Approval grant(Optional<String> requestId, Caller requester, String managerCode, String pin, ApprovalAction action,
                          Optional<String> saleId) {
        Optional<Approval> repeated = requestId.map(id -> em.find(Approval.class, id));
        if (repeated.isPresent()) {
            if (!repeated.get().isFor(action, saleId.orElse(null), requester.staffCode())) {
                throw new IdConflictException("approval", requestId.get());
            }
            return repeated.get();
        }
        Staff manager = guard.verify(managerCode, pin, requester.terminalId(), "approval of " + action);
        if (!manager.has(Role.STORE_MANAGER)) {
            audit.recordRefusal(AuditEvent.APPROVAL_REFUSED, new AuditLog.Who(requester.staffCode(), managerCode, requester.terminalId()),
                    action.name(), managerCode + " is not a store manager");
            throw new ApprovalException(managerCode + " is not a store manager and cannot approve " + action);
        }
        Instant now = clock.instant();
        Approval approval = new Approval(requestId.orElseGet(() -> UUID.randomUUID().toString()), action, saleId.orElse(null), requester.staffCode(), manager.code(),
                requester.terminalId(), now, now.plus(settings.approvalTtl()));
        em.persist(approval);
        audit.record(AuditEvent.APPROVAL_GRANTED, new AuditLog.Who(requester.staffCode(), manager.code(), requester.terminalId()),
                saleId.orElse(null), action.name(), "approval " + approval.id() + " valid until " + approval.expiresAt());
        return approval;
    }

    /**
     * Uses the approval for the action, in the caller's transaction: if the action fails, the
     * approval stays unused.
     *
     * @return who asked and who approved, for the audit entry of the action
     */
    @Transactional(TxType.MANDATORY)
    public AuditLog.Who use(Optional<String> approvalId, ApprovalAction action, String saleId, Caller caller, String why) {
        String id = approvalId.orElseThrow(() -> new ApprovalException(why + ": ask a store manager for an approval of " + action));
        Approval approval = Optional.ofNullable(em.find(Approval.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new ApprovalException("approval " + id + " does not exist"));
        approval.use(action, saleId, caller.staffCode(), caller.terminalId(), clock.instant());
        return new AuditLog.Who(caller.staffCode(), approval.approvedBy(), caller.terminalId());
    }
}
