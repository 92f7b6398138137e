package org.guitai.hq.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.staff.domain.HqSession;
import org.guitai.hq.staff.domain.HqStaff;
import org.guitai.kernel.security.SlowHash;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.InvalidCredentialsException;
import org.guitai.platform.security.NotAuthenticatedException;
import org.guitai.platform.security.Sessions;

/** Logging in and out at HQ, and recognising the session behind each request. */
@ApplicationScoped
@Transactional
public class SessionService implements Sessions {

    @Inject
    HqStaffRepository staff;

    @Inject
    PasswordGuard guard;

    @Inject
    HqSettings settings;

    @Inject
    Clock clock;

    @Inject
    SessionService self;

    public record Login(String token, Caller caller) {
    }

    /**
     * Opens a session for the right code and password. Outside a transaction: the guard checks the
     * slow hash between two short ones of its own.
     *
     * @throws org.guitai.platform.security.LoginThrottledException while the code is slowed down or locked
     * @throws InvalidCredentialsException for a wrong code or password, without saying which
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Login login(String staffCode, String password) {
        HqStaff verified = guard.verify(staffCode, password);
        return self.open(verified.code());
    }

    /** Starts the session of a member whose password was just proved right. */
    @Transactional(TxType.REQUIRES_NEW)
    public Login open(String staffCode) {
        HqStaff member = staff.find(staffCode).filter(HqStaff::isActive).orElseThrow(() -> new InvalidCredentialsException("password"));
        String token = SlowHash.randomToken(16);
        staff.add(new HqSession(SlowHash.digest(token), member, clock.instant()));
        return new Login(token, callerOf(member));
    }

    @Override
    public Caller resolve(String token) {
        Instant now = clock.instant();
        HqSession session = staff.findSession(SlowHash.digest(token))
                .filter(s -> s.isLive(now, settings.sessionIdle(), settings.sessionAbsolute()))
                .orElseThrow(() -> new NotAuthenticatedException("the session token is unknown, ended or expired: log in again"));
        session.touch(now);
        return callerOf(session.staff());
    }

    @Override
    public void logout(String token) {
        staff.findSession(SlowHash.digest(token)).ifPresent(s -> s.end(clock.instant()));
    }

    private static Caller callerOf(HqStaff staff) {
        return Caller.of(staff.code(), staff.name(), staff.roles(), null);
    }
}
