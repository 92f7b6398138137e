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
import java.util.Optional;
import org.guitai.kernel.security.SlowHash;
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
 * so they stay recorded although the refused request is rolled back.
 */
@ApplicationScoped
public class LoginGuard {

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
     * The active staff member with this code and PIN at this terminal.
     *
     * @throws LoginThrottledException while the code is slowed down or locked at this terminal
     * @throws InvalidCredentialsException for a wrong code or PIN, without saying which
     */
    @Transactional(TxType.SUPPORTS)
    public Staff verify(String staffCode, String pin, String terminalId, String purpose) {
        Instant now = clock.instant();
        Optional<LoginThrottle> throttle = Optional.ofNullable(em.find(LoginThrottle.class, new LoginThrottle.Key(staffCode, terminalId)));
        Optional<LoginThrottle.Refusal> refusal = throttle.flatMap(t -> t.refusal(now, settings.loginPolicy()));
        if (refusal.isPresent()) {
            throw new LoginThrottledException(refusal.get().locked(), refusal.get().until(), now);
        }
        Optional<Staff> member = staff.find(staffCode).filter(Staff::isActive);
        boolean matches = member.isPresent() ? member.get().pinMatches(pin) : spendTheSameTime(pin);
        if (!matches) {
            self.countFailure(staffCode, terminalId, purpose);
            throw new InvalidCredentialsException();
        }
        if (throttle.isPresent()) {
            self.forget(staffCode, terminalId);
        }
        return member.get();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void countFailure(String staffCode, String terminalId, String purpose) {
        Instant now = clock.instant();
        LoginThrottle throttle = em.find(LoginThrottle.class, new LoginThrottle.Key(staffCode, terminalId), LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throttle = new LoginThrottle(staffCode, terminalId);
            em.persist(throttle);
        }
        boolean locked = throttle.failed(now, settings.loginPolicy());
        AuditLog.Who who = AuditLog.Who.of(staffCode, terminalId);
        audit.record(AuditEvent.LOGIN_FAILED, who, null, staffCode, "wrong staff code or PIN for " + purpose + " (failure " + throttle.failures() + ")");
        if (locked) {
            audit.record(AuditEvent.LOGIN_LOCKED, who, null, staffCode, "locked at " + terminalId + " after " + throttle.failures() + " wrong PINs");
        }
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
