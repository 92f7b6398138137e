package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.guitai.kernel.security.SlowHash;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.security.Caller;
import org.guitai.store.platform.security.NotAuthenticatedException;
import org.guitai.store.staff.domain.InvalidCredentialsException;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.domain.StaffSession;
import org.guitai.store.staff.domain.TerminalNotEnrolledException;

/** Logging in and out at a counter, and recognising the session behind each request. */
@ApplicationScoped
@Transactional
public class SessionService {

    /** Verified against when the staff code is unknown, so both failures take the same time. */
    private static final String DECOY_HASH = SlowHash.hash("decoy");

    @Inject
    StaffRepository staff;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    public record Login(String token, Caller caller) {
    }

    public Login login(String terminalId, String staffCode, String pin) {
        staff.findTerminal(terminalId).filter(t -> t.isActive()).orElseThrow(() -> new TerminalNotEnrolledException(terminalId));
        Optional<Staff> member = staff.find(staffCode).filter(Staff::isActive);
        boolean pinMatches = member.isPresent() ? member.get().pinMatches(pin) : spendTheSameTime(pin);
        if (!pinMatches) {
            throw new InvalidCredentialsException();
        }
        String token = SlowHash.randomToken(16);
        Staff who = member.get();
        staff.add(new StaffSession(SlowHash.digest(token), who, terminalId, clock.instant()));
        return new Login(token, callerOf(who, terminalId));
    }

    /** The caller behind a token, refreshing its idle timer. */
    public Caller resolve(String token) {
        Instant now = clock.instant();
        StaffSession session = staff.findSession(SlowHash.digest(token))
                .filter(s -> s.isLive(now, settings.sessionIdle(), settings.sessionAbsolute()))
                .orElseThrow(() -> new NotAuthenticatedException("the session token is unknown, ended or expired: log in again"));
        session.touch(now);
        return callerOf(session.staff(), session.terminalId());
    }

    public void logout(String token) {
        staff.findSession(SlowHash.digest(token)).ifPresent(s -> s.end(clock.instant()));
    }

    private static boolean spendTheSameTime(String pin) {
        SlowHash.matches(pin, DECOY_HASH);
        return false;
    }

    private static Caller callerOf(Staff staff, String terminalId) {
        return new Caller(staff.code(), staff.name(), staff.roles(), terminalId);
    }
}
