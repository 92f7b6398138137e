package org.guitai.kernel.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.guitai.kernel.settings.SettingsReader;

/**
 * The rule for wrong secrets (PINs, passwords) typed for one key (a staff code, at one terminal
 * at the store): after the free attempts each further attempt waits twice as long as the one
 * before, up to a cap; after so many the key is locked for a while. The wait and the lock run
 * from when the slow check proved the secret wrong. Keys that do not exist are throttled the same.
 * Each server keeps a {@link Tally} per key in its own table.
 */
public final class Throttle {

    private Throttle() {
    }

    /** How hard to throttle: free attempts, a delay doubling from one second up to a cap, a lock after so many. */
    public record Policy(int freeAttempts, int lockAfter, Duration lockFor, Duration maxDelay) {

        public Policy {
            if (freeAttempts < 1 || lockAfter <= freeAttempts) {
                throw new IllegalArgumentException("lockAfter must exceed freeAttempts, which must be at least 1");
            }
            Objects.requireNonNull(lockFor);
            Objects.requireNonNull(maxDelay);
        }

        /** The policy of {@code guitai.login.*}; a bad value is a problem of the reader, naming its key. */
        public static Policy read(SettingsReader r) {
            int freeAttempts = (int) r.number("guitai.login.free-attempts", 3, 1, 20);
            int lockAfter = (int) r.number("guitai.login.lock-after", 6, 2, 50);
            if (lockAfter <= freeAttempts) {
                r.problem("guitai.login.lock-after", "is " + lockAfter + ": expected more than guitai.login.free-attempts (" + freeAttempts + ")");
                lockAfter = freeAttempts + 1;
            }
            return new Policy(freeAttempts, lockAfter,
                    Duration.ofMinutes(r.number("guitai.login.lock-minutes", 15, 1, 24 * 60)),
                    Duration.ofSeconds(r.number("guitai.login.max-delay-seconds", 60, 1, 3600)));
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

    /**
     * The wait until {@code until} in whole seconds, rounded up (a client that waits this long is
     * not refused again), and never below one.
     */
    public static long secondsUntil(Instant now, Instant until) {
        Duration left = Duration.between(now, until);
        return Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    }

    /** What is known of one key's wrong secrets; {@code lastFailureAt} and {@code lockedUntil} may be null. */
    public record Tally(int failures, Instant lastFailureAt, Instant lockedUntil) {

        public static final Tally NONE = new Tally(0, null, null);

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

        /** One more wrong secret (counted when the attempt begins); after an expired lock the count starts again. */
        public Tally failed(Instant now, Policy policy) {
            int counted = (lockedUntil != null && !now.isBefore(lockedUntil) ? 0 : failures) + 1;
            return new Tally(counted, now, counted >= policy.lockAfter() ? now.plus(policy.lockFor()) : null);
        }

        /** True when this tally has just reached the lock. */
        public boolean locks(Policy policy) {
            return lockedUntil != null && failures >= policy.lockAfter();
        }

        /**
         * The slow check has proven the attempt wrong: the wait (or lock) runs from now, not from
         * when the attempt began, so the time the hash took is not taken off it; never earlier.
         */
        public Tally answered(Instant now, Policy policy) {
            if (lastFailureAt == null || !now.isAfter(lastFailureAt)) {
                return this;
            }
            return new Tally(failures, now, lockedUntil == null ? null : now.plus(policy.lockFor()));
        }
    }
}
