package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guitai.kernel.security.SlowChecks;
import org.guitai.kernel.security.SlowHash;
import org.guitai.kernel.security.Throttle;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.staff.domain.InvalidCredentialsException;
import org.guitai.store.staff.domain.LoginThrottle;
import org.guitai.store.staff.domain.LoginThrottledException;
import org.guitai.store.staff.domain.Staff;

/**
 * Checks a staff code and PIN typed at a terminal, for a login or for a manager's approval, with
 * throttling per (code, terminal). Failures are counted and audited in transactions of their own,
 * so they stay recorded although the refused request is rolled back. The slow hash runs outside
 * any transaction (it holds no pooled connection) and only on half the cores at once, so a flood
 * of guesses cannot take the counter's CPU or database connections.
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());

    /** Verified against when the staff code is unknown, so both failures take the same time. */
    private static final String DECOY_HASH = SlowHash.hash("decoy");

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    StaffRepository staff;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    @Inject
    LoginGuard self;

    /**
     * The active staff member with this code and PIN at this terminal. Each attempt is counted as
     * a failure before the PIN is checked, and forgiven when it was right, so concurrent guesses
     * cannot slip past the throttle while the slow hash runs. Only half the cores check PINs at
     * once; an attempt that waits too long for its turn is answered 503 and not counted.
     *
     * @throws LoginThrottledException while the code is slowed down or locked at this terminal
     * @throws InvalidCredentialsException for a wrong code or PIN, without saying which
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Staff verify(String staffCode, String pin, String terminalId, String purpose) {
        return verify(staffCode, pin, terminalId, purpose, AuditLog.Who.of(staffCode, terminalId));
    }

    /**
     * The same for a manager's approval: a failure is audited with who asked for it
     * ({@code who.requestedBy()}) and the manager's code as approver.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Staff verify(String staffCode, String pin, String terminalId, String purpose, AuditLog.Who who) {
        // the turn at the hash comes first: an attempt that never gets one is not counted against the code
        return SlowChecks.inTurn(() -> {
            Instant now = clock.instant();
            try {
                self.forgetQuietFailures(now);
            } catch (RuntimeException e) {
                // housekeeping: the attempt is weighed all the same, and the next one purges again
                LOG.log(Level.WARNING, "forgetting quiet login failures failed: " + e);
            }
            Attempt attempt = self.reserve(staffCode, terminalId);
            if (attempt.refusal().isPresent()) {
                Throttle.Refusal refusal = attempt.refusal().get();
                audit.recordRefusal(AuditEvent.LOGIN_FAILED, who, staffCode,
                        "attempt for " + purpose + " refused: " + (refusal.locked() ? "locked" : "slowed down") + " until " + refusal.until());
                throw new LoginThrottledException(refusal.locked(), refusal.until(), now);
            }
            Optional<Staff> member = staff.find(staffCode).filter(Staff::isActive);
            boolean matches = member.isPresent() ? member.get().pinMatches(pin) : spendTheSameTime(pin);
            if (!matches) {
                self.failureKnown(staffCode, terminalId);
                audit.recordRefusal(AuditEvent.LOGIN_FAILED, who, staffCode,
                        "wrong staff code or PIN for " + purpose + " (failure " + attempt.failures() + ")");
                if (attempt.locks()) {
                    audit.recordRefusal(AuditEvent.LOGIN_LOCKED, who, staffCode,
                            "locked at " + terminalId + " after " + attempt.failures() + " wrong PINs");
                }
                throw new InvalidCredentialsException();
            }
            self.forget(staffCode, terminalId);
            return member.get();
        });
    }

    /**
     * This attempt counted as the how-manyth failure and whether it locks the code should the PIN
     * be wrong; or why it may not be made now.
     */
    public record Attempt(Optional<Throttle.Refusal> refusal, int failures, boolean locks) {
    }

    /**
     * Refuses a throttled attempt, else counts it as a failure until the PIN proves right. The
     * refusal is audited by the caller once this transaction has let go of the throttle's row.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Attempt reserve(String staffCode, String terminalId) {
        Instant now = clock.instant();
        // the row exists before it is locked, so two first attempts cannot both insert it
        em.createNativeQuery("insert into login_throttle (staff_code, terminal_id, failures, last_failure_at) values (?, ?, 0, ?) "
                        + "on duplicate key update staff_code = staff_code")
                .setParameter(1, staffCode).setParameter(2, terminalId).setParameter(3, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        LoginThrottle throttle = em.find(LoginThrottle.class, new LoginThrottle.Key(staffCode, terminalId), LockModeType.PESSIMISTIC_WRITE);
        Optional<Throttle.Refusal> refusal = throttle.refusal(now, settings.loginPolicy());
        if (refusal.isPresent()) {
            return new Attempt(refusal, throttle.failures(), false);
        }
        boolean locks = throttle.failed(now, settings.loginPolicy());
        return new Attempt(Optional.empty(), throttle.failures(), locks);
    }

    /**
     * Failures followed by a quiet lock period, and expired locks, are forgotten, before every
     * attempt and in a transaction of its own (it holds no row lock while the attempt takes its
     * own): guesses at codes that do not exist cannot grow the table without bound.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void forgetQuietFailures(Instant now) {
        LocalDateTime quietSince = LocalDateTime.ofInstant(now.minus(settings.loginPolicy().lockFor()), ZoneOffset.UTC);
        em.createNativeQuery("delete from login_throttle where (locked_until is null and last_failure_at < ?) or locked_until < ?")
                .setParameter(1, quietSince).setParameter(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void failureKnown(String staffCode, String terminalId) {
        Optional.ofNullable(em.find(LoginThrottle.class, new LoginThrottle.Key(staffCode, terminalId), LockModeType.PESSIMISTIC_WRITE))
                .ifPresent(t -> t.answered(clock.instant(), settings.loginPolicy()));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void forget(String staffCode, String terminalId) {
        Optional.ofNullable(em.find(LoginThrottle.class, new LoginThrottle.Key(staffCode, terminalId))).ifPresent(em::remove);
    }

    /** A manager lifts a lock: at one terminal, or at all when {@code terminalId} is empty. */
    @Transactional
    public int unlock(String staffCode, Optional<String> terminalId, AuditLog.Who manager) {
        int lifted = terminalId
                .map(t -> em.createQuery("delete from LoginThrottle t where t.staffCode = :code and t.terminalId = :terminal")
                        .setParameter("code", staffCode).setParameter("terminal", t).executeUpdate())
                .orElseGet(() -> em.createQuery("delete from LoginThrottle t where t.staffCode = :code")
                        .setParameter("code", staffCode).executeUpdate());
        audit.record(AuditEvent.LOGIN_UNLOCKED, manager, null, staffCode,
                "login of " + staffCode + " unlocked at " + terminalId.orElse("every terminal"));
        return lifted;
    }

    private static boolean spendTheSameTime(String pin) {
        SlowHash.matches(pin, DECOY_HASH);
        return false;
    }
}
