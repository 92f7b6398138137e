package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.guitai.platform.security.Caller;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.domain.StaffNotFoundException;

/** A manager's actions on staff access, each audited. */
@ApplicationScoped
@Transactional
public class StaffAdministration {

    @Inject
    StaffRepository staff;

    @Inject
    PinGuard guard;

    @Inject
    AuditLog audit;

    @Inject
    SessionService sessions;

    /** Everyone on the store's staff, for the store manager. */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.SUPPORTS)
    public java.util.List<Staff> members(Caller manager) {
        manager.require("reading the staff list", Role.STORE_MANAGER);
        return staff.all();
    }

    public void unlock(String code, Optional<String> terminalId, Caller manager) {
        manager.require("unlocking a login", Role.STORE_MANAGER);
        guard.unlock(code, terminalId, AuditLog.Who.of(manager));
    }

    public void disable(String code, Caller manager) {
        manager.require("disabling staff", Role.STORE_MANAGER);
        Staff member = staff.find(code).orElseThrow(() -> new StaffNotFoundException(code));
        member.disable();
        sessions.endSessionsOf(code);
        audit.record(AuditEvent.STAFF_DISABLED, AuditLog.Who.of(manager), null, code,
                code + " disabled; their sessions ended");
    }
}
