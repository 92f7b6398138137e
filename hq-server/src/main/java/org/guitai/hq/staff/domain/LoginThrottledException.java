package org.guitai.hq.staff.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** Too many wrong passwords for this staff code: wait ({@code retryAfterSeconds}), or, when locked, until the lock ends. */
public class LoginThrottledException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Instant until;
    private final long retryAfterSeconds;

    public LoginThrottledException(boolean locked, Instant until, Instant now) {
        super(locked ? "login-locked" : "login-throttled", locked ? 423 : 429,
                locked ? "Login locked" : "Too many attempts",
                locked ? "too many wrong passwords for this staff code: locked until " + until + " UTC"
                        : "too many wrong passwords for this staff code: try again in " + secondsUntil(now, until) + " s");
        this.until = until;
        this.retryAfterSeconds = secondsUntil(now, until);
    }

    /** Whole seconds, rounded up, so a client that waits this long is not refused again. */
    private static long secondsUntil(Instant now, Instant until) {
        Duration left = Duration.between(now, until);
        return Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("retryAfterSeconds", retryAfterSeconds, "until", until.toString());
    }
}
