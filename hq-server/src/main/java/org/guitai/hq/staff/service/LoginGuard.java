package org.guitai.hq.staff.service;

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
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.staff.domain.HqStaff;
import org.guitai.hq.staff.domain.InvalidCredentialsException;
import org.guitai.hq.staff.domain.LoginFailure;
import org.guitai.hq.staff.domain.LoginThrottle;
import org.guitai.hq.staff.domain.LoginThrottledException;
import org.guitai.kernel.security.SlowChecks;
import org.guitai.kernel.security.SlowHash;
import org.guitai.kernel.security.Throttle;

/**
 * Checks an HQ staff code and password, throttled per code. The slow hash runs outside any
 * transaction, so guesses do not hold database connections or row locks; the throttle row is
 * locked only for the short step that counts the attempt; only half the cores hash at once
 * ({@link SlowChecks}). Unknown and known codes take the same
 * steps, the same hashing work and the same answers. Refusals are recorded in transactions of their own.
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());

    /** Verified against when the staff code is unknown or inactive, so every failure takes the same time. */
    private static final String DECOY_HASH = SlowHash.hash("decoy");

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    @Inject
    HqSettings settings;

    @Inject
    Clock clock;

    @Inject
    LoginGuard self;

    /** This attempt: refused outright, or counted as the how-manyth failure until the password proves right. */
    public record Attempt(Optional<Throttle.Refusal> refusal, int failures, boolean locks, Optional<HqStaff> member) {
    }

    /**
     * The active staff member with this code and password. Each attempt is counted as a failure
     * before the password is checked, and forgiven when it was right ({@link #forget}, in the
     * transaction that opens the session), so concurrent guesses cannot slip past the throttle
     * while the slow hash runs.
     *
     * @throws LoginThrottledException while the code is slowed down (429) or locked (423)
     * @throws InvalidCredentialsException for a wrong code or password, without saying which
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public HqStaff verify(String staffCode, String password) {
        // the turn at the hash comes first: an attempt that never gets one is not counted against the code
        return SlowChecks.inTurn(() -> {
            try {
                self.forgetQuietFailures(clock.instant());
            } catch (RuntimeException e) {
                // housekeeping: the attempt is weighed all the same, and the next one purges again
                LOG.log(Level.WARNING, "forgetting quiet login failures failed: " + e);
            }
            Attempt attempt = self.reserve(staffCode);
            if (attempt.refusal().isPresent()) {
                Throttle.Refusal refusal = attempt.refusal().get();
                throw new LoginThrottledException(refusal.locked(), refusal.until(), clock.instant());
            }
            boolean matches = attempt.member().isPresent()
                    ? attempt.member().get().passwordMatches(password)
                    : spendTheSameTime(password);
            if (!matches) {
                self.recordFailure(staffCode, attempt);
                throw new InvalidCredentialsException();
            }
            return attempt.member().get();
        });
    }

    /** Refuses a throttled attempt (and records that), else counts it as a failure and reads the member to check against. */
    @Transactional(TxType.REQUIRES_NEW)
    public Attempt reserve(String staffCode) {
        Instant now = clock.instant();
        // the row exists before it is locked, so two first attempts cannot both insert it
        em.createNativeQuery("insert into hq_login_throttle (staff_code, failures) values (?, 0) on duplicate key update staff_code = staff_code")
                .setParameter(1, staffCode)
                .executeUpdate();
        LoginThrottle throttle = em.find(LoginThrottle.class, staffCode, LockModeType.PESSIMISTIC_WRITE);
        Optional<HqStaff> member = Optional.ofNullable(em.find(HqStaff.class, staffCode)).filter(HqStaff::isActive);
        Optional<Throttle.Refusal> refusal = throttle.refusal(now, settings.loginPolicy());
        if (refusal.isPresent()) {
            Throttle.Refusal r = refusal.get();
            em.persist(new LoginFailure(staffCode, now, r.locked() ? LoginFailure.Outcome.REFUSED_LOCKED : LoginFailure.Outcome.REFUSED_SLOWED,
                    throttle.failures(), "refused until " + r.until()));
            return new Attempt(refusal, throttle.failures(), false, Optional.empty());
        }
        boolean locks = throttle.failed(now, settings.loginPolicy());
        return new Attempt(Optional.empty(), throttle.failures(), locks, member);
    }

    /**
     * Failures followed by a quiet lock period, and expired locks, are forgotten, before every
     * attempt and in a transaction of its own (it holds no row lock while the attempt takes its
     * own): guesses at codes that do not exist cannot grow the table without bound. The refusals
     * themselves stay in {@code hq_login_failure}.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void forgetQuietFailures(Instant now) {
        LocalDateTime quietSince = LocalDateTime.ofInstant(now.minus(settings.loginPolicy().lockFor()), ZoneOffset.UTC);
        em.createNativeQuery("delete from hq_login_throttle where (locked_until is null and last_failure_at < ?) or locked_until < ?")
                .setParameter(1, quietSince).setParameter(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Records a wrong code or password, and starts the delay before the next attempt now that it was answered. */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordFailure(String staffCode, Attempt attempt) {
        Instant now = clock.instant();
        Optional.ofNullable(em.find(LoginThrottle.class, staffCode, LockModeType.PESSIMISTIC_WRITE)).ifPresent(t -> t.answered(now, settings.loginPolicy()));
        em.persist(new LoginFailure(staffCode, now, LoginFailure.Outcome.INVALID_CREDENTIALS, attempt.failures(), "wrong staff code or password"));
        if (attempt.locks()) {
            em.persist(new LoginFailure(staffCode, now, LoginFailure.Outcome.LOCKED, attempt.failures(),
                    "locked for " + settings.loginPolicy().lockFor().toMinutes() + " min after " + attempt.failures() + " wrong passwords"));
        }
    }

    /** The password was right: earlier failures are forgiven. Joins the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public void forget(String staffCode) {
        em.createQuery("delete from LoginThrottle t where t.staffCode = :code").setParameter("code", staffCode).executeUpdate();
    }

    private static boolean spendTheSameTime(String password) {
        SlowHash.matches(password, DECOY_HASH);
        return false;
    }
}
