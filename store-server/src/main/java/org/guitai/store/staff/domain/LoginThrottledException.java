package org.guitai.store.staff.domain;

import java.time.Instant;
import java.util.Map;
import org.guitai.kernel.problem.PosException;
import org.guitai.kernel.security.Throttle;

/** Too many wrong PINs for this staff code at this terminal: wait, or (when locked) ask a manager. */
public class LoginThrottledException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Instant until;
    private final long retryAfterSeconds;

    public LoginThrottledException(boolean locked, Instant until, Instant now) {
        super(locked ? "login-locked" : "login-throttled", locked ? 423 : 429,
                locked ? "Login locked" : "Too many attempts",
                locked ? "too many wrong PINs for this staff code at this terminal: locked until " + until + " UTC, or until a manager unlocks it"
                        : "too many wrong PINs for this staff code at this terminal: try again in " + Throttle.secondsUntil(now, until) + " s");
        this.until = until;
        this.retryAfterSeconds = Throttle.secondsUntil(now, until);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("retryAfterSeconds", retryAfterSeconds, "until", until.toString());
    }
}
