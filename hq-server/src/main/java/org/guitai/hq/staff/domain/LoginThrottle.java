package org.guitai.hq.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong passwords for one HQ staff code. After the free attempts each further attempt waits twice
 * as long as the one before; then the code is locked for a while. Codes that do not exist are
 * throttled just the same, so the answers never tell whether a code exists.
 */
@Entity
@Table(name = "hq_login_throttle")
public class LoginThrottle {

    /** How hard to throttle: free attempts, a delay doubling from one second up to a cap, a lock after so many. */
    public record Policy(int freeAttempts, int lockAfter, Duration lockFor, Duration maxDelay) {

        public Policy {
            if (freeAttempts < 1 || lockAfter <= freeAttempts) {
                throw new IllegalArgumentException("lockAfter must exceed freeAttempts, which must be at least 1");
            }
        }

        public Duration delayAfter(int failures) {
            if (failures < freeAttempts) {
                return Duration.ZERO;
            }
            long seconds = 1L << Math.min(failures - freeAttempts, 20);
            return Duration.ofSeconds(Math.min(seconds, maxDelay.toSeconds()));
        }
    }

    /** Why an attempt may not be made now, and until when. */
    public record Refusal(boolean locked, Instant until) {
    }

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
    public Optional<Refusal> refusal(Instant now, Policy policy) {
        if (lockedUntil != null) {
            return now.isBefore(lockedUntil) ? Optional.of(new Refusal(true, lockedUntil)) : Optional.empty();
        }
        if (lastFailureAt == null) {
            return Optional.empty();
        }
        Instant next = lastFailureAt.plus(policy.delayAfter(failures));
        return now.isBefore(next) ? Optional.of(new Refusal(false, next)) : Optional.empty();
    }

    /** Counts a wrong password; true when this one locked the code. */
    public boolean failed(Instant now, Policy policy) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            failures = 0;
            lockedUntil = null;
        }
        failures++;
        lastFailureAt = now;
        if (failures >= policy.lockAfter()) {
            lockedUntil = now.plus(policy.lockFor());
            return true;
        }
        return false;
    }

    /** The wrong password was answered: the delay before the next attempt counts from the answer, not from the start of the slow check. */
    public void answered(Instant now) {
        if (lastFailureAt == null || now.isAfter(lastFailureAt)) {
            lastFailureAt = now;
        }
    }

    public int failures() {
        return failures;
    }

    public String staffCode() {
        return staffCode;
    }
}
