package org.guitai.hq.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.staff.domain.HqStaff;
import org.guitai.hq.staff.domain.LoginFailure;
import org.guitai.kernel.security.Throttle;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.platform.security.InvalidCredentialsException;
import org.guitai.platform.security.LoginGuard;
import org.guitai.platform.security.LoginKey;
import org.guitai.platform.security.LoginThrottledException;
import org.guitai.platform.security.LoginThrottles;
import org.guitai.platform.security.ThrottleTable;

/**
 * An HQ staff code and password, checked by the platform's {@link LoginGuard} with throttling per
 * code. Every refusal is kept in {@code hq_login_failure}, in a transaction of its own, so it stays
 * recorded although the refused request is rolled back; it never says whether the code exists.
 */
@ApplicationScoped
public class PasswordGuard implements LoginGuard.Refusals {

    private static final ThrottleTable THROTTLE = new ThrottleTable("hq_login_throttle", false);
    private static final RowBatch.Table FAILURES = RowBatch.table("hq_login_failure",
            List.of("staff_code", "failed_at", "outcome", "failures", "detail"));

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    @Inject
    LoginGuard guard;

    @Inject
    HqStaffRepository staff;

    @Inject
    HqSettings settings;

    @Inject
    Clock clock;

    @Inject
    PasswordGuard self;

    /**
     * The active staff member with this code and password.
     *
     * @throws LoginThrottledException while the code is slowed down (429) or locked (423)
     * @throws InvalidCredentialsException for a wrong code or password, without saying which
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public HqStaff verify(String staffCode, String password) {
        return guard.verify(LoginKey.anywhere(staffCode), password, new LoginGuard.Door<>(THROTTLE, settings.loginPolicy(), "password",
                staff::active, HqStaff::passwordMatches, this));
    }

    @Override
    public void refused(LoginKey key, LoginThrottles.Attempt attempt) {
        Throttle.Refusal refusal = attempt.refusal().orElseThrow();
        self.record(new LoginFailure(key.staffCode(), clock.instant(),
                refusal.locked() ? LoginFailure.Outcome.REFUSED_LOCKED : LoginFailure.Outcome.REFUSED_SLOWED,
                attempt.failures(), "refused until " + refusal.until()));
    }

    @Override
    public void failed(LoginKey key, LoginThrottles.Attempt attempt) {
        self.record(new LoginFailure(key.staffCode(), clock.instant(), LoginFailure.Outcome.INVALID_CREDENTIALS, attempt.failures(),
                "wrong staff code or password"));
        if (attempt.locks()) {
            self.record(new LoginFailure(key.staffCode(), clock.instant(), LoginFailure.Outcome.LOCKED, attempt.failures(),
                    "locked for " + settings.loginPolicy().lockFor().toMinutes() + " min after " + attempt.failures() + " wrong passwords"));
        }
    }

    /** Kept whatever becomes of the request that was refused. */
    @Transactional(TxType.REQUIRES_NEW)
    public void record(LoginFailure failure) {
        new RowBatch().insert(FAILURES, failure.staffCode(), failure.failedAt(), failure.outcome(), failure.failures(), failure.detail())
                .execute(em);
    }
}
