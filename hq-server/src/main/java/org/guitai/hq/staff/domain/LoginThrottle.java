package org.guitai.hq.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.guitai.kernel.security.Throttle;

/**
 * Wrong passwords for one HQ staff code. After the free attempts each further attempt waits twice
 * as long as the one before; then the code is locked for a while. Codes that do not exist are
 * throttled just the same, so the answers never tell whether a code exists.
 */
@Entity
@Table(name = "hq_login_throttle")
public class LoginThrottle {


    @Id
    @Column(name = "staff_code")
    private String staffCode;

    @Column(name = "failures")
    private int failures;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginThrottle() {
    }

    public LoginThrottle(String staffCode) {
        this.staffCode = staffCode;
    }

    /** Empty when an attempt may be made now. */
    public Optional<Throttle.Refusal> refusal(Instant now, Throttle.Policy policy) {
        return tally().refusal(now, policy);
    }

    /** Counts a wrong secret; true when this one locked the code. */
    public boolean failed(Instant now, Throttle.Policy policy) {
        return record(tally().failed(now, policy)).locks(policy);
    }

    /** The slow check proved it wrong: the wait runs from now (see {@link Throttle.Tally#answered}). */
    public void answered(Instant now, Throttle.Policy policy) {
        record(tally().answered(now, policy));
    }

    private Throttle.Tally tally() {
        return new Throttle.Tally(failures, lastFailureAt, lockedUntil);
    }

    private Throttle.Tally record(Throttle.Tally tally) {
        failures = tally.failures();
        lastFailureAt = tally.lastFailureAt();
        lockedUntil = tally.lockedUntil();
        return tally;
    }

    public int failures() {
        return failures;
    }

    public String staffCode() {
        return staffCode;
    }
}
