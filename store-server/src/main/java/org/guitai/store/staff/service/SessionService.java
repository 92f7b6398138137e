package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import org.guitai.kernel.security.SlowHash;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.security.Caller;
import org.guitai.store.platform.security.NotAuthenticatedException;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.domain.StaffSession;
import org.guitai.store.staff.domain.TerminalNotEnrolledException;

/** Logging in and out at a counter, and recognising the session behind each request. */
@ApplicationScoped
public class SessionService {

    @Inject
    StaffRepository staff;

    @Inject
    LoginGuard guard;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    public record Login(String token, Caller caller) {
    }

    /** Staff code and PIN at an enrolled terminal; a random 128-bit token whose digest is all that is stored. */
    @Transactional
    public Login login(String terminalId, String staffCode, String pin) {
        if (staff.findTerminal(terminalId).filter(t -> t.isActive()).isEmpty()) {
            audit.recordRefusal(AuditEvent.LOGIN_FAILED, AuditLog.Who.of(staffCode, terminalId), staffCode,
                    "login refused: terminal " + terminalId + " is not enrolled");
            throw new TerminalNotEnrolledException(terminalId);
        }
        Staff member = guard.verify(staffCode, pin, terminalId, "login");
        String token = SlowHash.randomToken(16);
        staff.add(new StaffSession(SlowHash.digest(token), member, terminalId, clock.instant()));
        return new Login(token, callerOf(member, terminalId));
    }

    /** The caller behind a token, refreshing its idle timer. */
    @Transactional
    public Caller resolve(String token) {
        Instant now = clock.instant();
        StaffSession session = staff.findSession(SlowHash.digest(token))
                .filter(s -> s.isLive(now, settings.sessionIdle(), settings.sessionAbsolute()))
                .orElseThrow(() -> new NotAuthenticatedException("the session token is unknown, ended or expired: log in again"));
        session.touch(now);
        return callerOf(session.staff(), session.terminalId());
    }

    @Transactional
    public void logout(String token) {
        staff.findSession(SlowHash.digest(token)).ifPresent(s -> s.end(clock.instant()));
    }

    @Transactional(TxType.SUPPORTS)
    public Caller callerOf(Staff staff, String terminalId) {
        return new Caller(staff.code(), staff.name(), staff.roles(), terminalId);
    }
}
