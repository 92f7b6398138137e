package org.guitai.store.staff.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.guitai.kernel.security.SlowHash;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.NotAuthenticatedException;
import org.guitai.platform.security.Sessions;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.domain.StaffNotFoundException;
import org.guitai.store.staff.domain.StaffSession;
import org.guitai.store.staff.domain.TerminalNotEnrolledException;

/** Logging in and out at a counter, and recognising the session behind each request. */
@ApplicationScoped
public class SessionService implements Sessions {

    @Inject
    StaffRepository staff;

    @Inject
    PinGuard guard;

    @Inject
    AuditLog audit;

    @Inject
    SessionService self;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    public record Login(String token, Caller caller) {
    }

    /** A session read from the database and found live at {@code checkedAt}. */
    private record Recent(Caller caller, Instant checkedAt) {
    }

    /** How long a checked session is taken on trust before it is read again. */
    private static final Duration RECHECK = Duration.ofSeconds(2);
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Recent> recentlyChecked = new ConcurrentHashMap<>();

    /**
     * Staff code and PIN at an enrolled terminal; a random 128-bit token whose digest is all that
     * is stored. No transaction spans the slow PIN check: the session is written in one of its own.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Login login(String terminalId, String staffCode, String pin) {
        if (staff.findTerminal(terminalId).filter(t -> t.isActive()).isEmpty()) {
            audit.recordRefusal(AuditEvent.LOGIN_FAILED, AuditLog.Who.of(staffCode, terminalId), staffCode,
                    "login refused: terminal " + terminalId + " is not enrolled");
            throw new TerminalNotEnrolledException(terminalId);
        }
        Staff member = guard.verify(staffCode, pin, terminalId, "login");
        return self.startSession(member.code(), terminalId);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Login startSession(String staffCode, String terminalId) {
        Staff member = staff.find(staffCode).orElseThrow(() -> new StaffNotFoundException(staffCode));
        String token = SlowHash.randomToken(16);
        staff.add(new StaffSession(SlowHash.digest(token), member, terminalId, clock.instant()));
        return new Login(token, callerOf(member, terminalId));
    }

    /**
     * The caller behind a token. The session is read from the database at most every
     * {@link #RECHECK} per token (logout and disabling staff forget it at once); the idle timer is
     * written, in a transaction of its own, only when it is due, at most every half minute. No
     * transaction is asked for: the recent check answers most calls without the database.
     */
    @Override
    public Caller resolve(String token) {
        Instant now = clock.instant();
        String digest = SlowHash.digest(token);
        Recent recent = recentlyChecked.get(digest);
        if (recent != null && now.isBefore(recent.checkedAt().plus(RECHECK))) {
            return recent.caller();
        }
        StaffSession session = staff.findSessionWithStaff(digest)
                .filter(s -> s.isLive(now, settings.sessionIdle(), settings.sessionAbsolute()))
                .orElseThrow(() -> {
                    recentlyChecked.remove(digest);
                    return new NotAuthenticatedException("the session token is unknown, ended or expired: log in again");
                });
        if (session.isTouchDue(now)) {
            self.touch(digest, now);
        }
        Caller caller = callerOf(session.staff(), session.terminalId());
        remember(digest, new Recent(caller, now));
        return caller;
    }

    /**
     * Ends every live session of a staff member in the caller's transaction, and forgets what was
     * checked of them once it commits (so a request racing the commit cannot keep one alive).
     */
    @Transactional(TxType.MANDATORY)
    public void endSessionsOf(String staffCode) {
        staff.endSessionsOf(staffCode, clock.instant());
        forgetSessionsOf(staffCode);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forgetSessionsOf(staffCode);
            }
        });
    }

    private void forgetSessionsOf(String staffCode) {
        recentlyChecked.values().removeIf(r -> r.caller().staffCode().equals(staffCode));
    }

    private void remember(String digest, Recent recent) {
        if (recentlyChecked.size() >= MAX_REMEMBERED) {
            Instant stale = recent.checkedAt().minus(RECHECK);
            recentlyChecked.values().removeIf(r -> r.checkedAt().isBefore(stale));
        }
        recentlyChecked.put(digest, recent);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void touch(String tokenDigest, Instant now) {
        staff.findSession(tokenDigest).ifPresent(s -> s.touch(now));
    }

    @Override
    @Transactional
    public void logout(String token) {
        String digest = SlowHash.digest(token);
        recentlyChecked.remove(digest);
        staff.findSession(digest).ifPresent(s -> s.end(clock.instant()));
    }

    @Transactional(TxType.SUPPORTS)
    public Caller callerOf(Staff staff, String terminalId) {
        return Caller.of(staff.code(), staff.name(), staff.roles(), terminalId);
    }
}
