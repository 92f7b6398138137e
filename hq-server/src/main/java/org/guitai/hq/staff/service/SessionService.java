package org.guitai.hq.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.platform.security.Caller;
import org.guitai.hq.platform.security.NotAuthenticatedException;
import org.guitai.hq.staff.domain.HqSession;
import org.guitai.hq.staff.domain.HqStaff;
import org.guitai.hq.staff.domain.InvalidCredentialsException;
import org.guitai.kernel.security.SlowHash;

/** Logging in and out at HQ, and recognising the session behind each request. */
@ApplicationScoped
@Transactional
public class SessionService {

    /** Verified against when the staff code is unknown, so both failures take the same time. */
    private static final String DECOY_HASH = SlowHash.hash("decoy");

    @Inject
    HqStaffRepository staff;

    @Inject
    HqSettings settings;

    @Inject
    Clock clock;

    public record Login(String token, Caller caller) {
    }

    public Login login(String staffCode, String password) {
        Optional<HqStaff> member = staff.find(staffCode).filter(HqStaff::isActive);
        boolean matches = member.isPresent() ? member.get().passwordMatches(password) : spendTheSameTime(password);
        if (!matches) {
            throw new InvalidCredentialsException();
        }
        String token = SlowHash.randomToken(16);
        staff.add(new HqSession(SlowHash.digest(token), member.get(), clock.instant()));
        return new Login(token, callerOf(member.get()));
    }

    public Caller resolve(String token) {
        Instant now = clock.instant();
        HqSession session = staff.findSession(SlowHash.digest(token))
                .filter(s -> s.isLive(now, settings.sessionIdle(), settings.sessionAbsolute()))
                .orElseThrow(() -> new NotAuthenticatedException("the session token is unknown, ended or expired: log in again"));
        session.touch(now);
        return callerOf(session.staff());
    }

    public void logout(String token) {
        staff.findSession(SlowHash.digest(token)).ifPresent(s -> s.end(clock.instant()));
    }

    private static boolean spendTheSameTime(String password) {
        SlowHash.matches(password, DECOY_HASH);
        return false;
    }

    private static Caller callerOf(HqStaff staff) {
        return new Caller(staff.code(), staff.name(), staff.roles());
    }
}
