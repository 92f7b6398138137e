package org.guitai.hq.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.util.Optional;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.staff.domain.HqStaff;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.InvalidCredentialsException;
import org.guitai.platform.security.LoginThrottledException;
import org.guitai.platform.security.SessionTable;
import org.guitai.platform.security.StaffSessions;

/**
 * Logging in and out at HQ, and recognising the session behind each request. A session is read
 * on every request: HQ may run as several instances, and another may have ended it.
 */
@ApplicationScoped
public class SessionService extends StaffSessions {

    private static final SessionTable SESSIONS = new SessionTable("hq_session", false);

    @Inject
    HqStaffRepository staff;

    @Inject
    PasswordGuard guard;

    @Inject
    HqSettings settings;

    @Inject
    SessionService self;

    public record Login(String token, Caller caller) {
    }

    /**
     * Opens a session for the right code and password. Outside a transaction: the guard checks the
     * slow hash between two short ones of its own.
     *
     * @throws LoginThrottledException while the code is slowed down or locked
     * @throws InvalidCredentialsException for a wrong code or password, without saying which
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Login login(String staffCode, String password) {
        HqStaff member = guard.verify(staffCode, password);
        Caller caller = member.caller();
        return new Login(self.open(caller.staffCode(), Optional.empty()), caller);
    }

    @Override
    protected Policy policy() {
        return new Policy(SESSIONS, settings.sessionIdle(), settings.sessionAbsolute(), Duration.ZERO);
    }

    @Override
    protected Optional<Caller> activeCaller(String staffCode, Optional<String> terminalId) {
        return staff.active(staffCode).map(HqStaff::caller);
    }
}
