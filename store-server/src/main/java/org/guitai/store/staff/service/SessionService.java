package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.util.Optional;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.SessionTable;
import org.guitai.platform.security.StaffSessions;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.domain.TerminalNotEnrolledException;

/**
 * Logging in and out at a counter, and recognising the session behind each request: a session
 * belongs to the terminal where its member logged in, and is taken on trust for two seconds
 * after it was read (a store server runs as one instance).
 */
@ApplicationScoped
public class SessionService extends StaffSessions {

    private static final SessionTable SESSIONS = new SessionTable("staff_session", true);

    @Inject
    StaffRepository staff;

    @Inject
    PinGuard guard;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    SessionService self;

    public record Login(String token, Caller caller) {
    }

    /**
     * Staff code and PIN at an enrolled terminal. No transaction spans the slow PIN check: the
     * session is written in one of its own.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Login login(String terminalId, String staffCode, String pin) {
        if (staff.findTerminal(terminalId).filter(t -> t.isActive()).isEmpty()) {
            audit.recordRefusal(AuditEvent.LOGIN_FAILED, AuditLog.Who.of(staffCode, terminalId), staffCode,
                    "login refused: terminal " + terminalId + " is not enrolled");
            throw new TerminalNotEnrolledException(terminalId);
        }
        Staff member = guard.verify(staffCode, pin, terminalId, "login");
        return new Login(self.open(member.code(), Optional.of(terminalId)), callerOf(member, terminalId));
    }

    @Override
    protected Policy policy() {
        return new Policy(SESSIONS, settings.sessionIdle(), settings.sessionAbsolute(), Duration.ofSeconds(2));
    }

    @Override
    protected Optional<Caller> activeCaller(String staffCode, Optional<String> terminalId) {
        return staff.find(staffCode).filter(Staff::isActive).map(member -> callerOf(member, terminalId.orElseThrow()));
    }

    static Caller callerOf(Staff staff, String terminalId) {
        return Caller.of(staff.code(), staff.name(), staff.roles(), terminalId);
    }
}
