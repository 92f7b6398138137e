package org.guitai.store.drawer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.guitai.platform.security.Caller;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.approval.service.Approvals;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.shift.service.Shifts;

/** Allows the caller's terminal to open its drawer without a sale, once, with a manager's approval, recorded against its open shift. */
@ApplicationScoped
@Transactional
public class Drawer {

    @Inject
    Approvals approvals;

    @Inject
    AuditLog audit;

    @Inject
    Shifts shifts;

    @Inject
    Clock clock;

    public Instant openWithoutSale(Optional<String> approvalId, String reason, Caller caller) {
        AuditLog.Who who = approvals.use(approvalId, ApprovalAction.NO_SALE, null, caller, "opening the drawer without a sale");
        String shiftId = shifts.recordNoSale(caller.terminalId());
        audit.record(AuditEvent.NO_SALE, who, null, caller.terminalId(), "drawer opened without a sale in shift " + shiftId + ": " + reason);
        return clock.instant();
    }
}
