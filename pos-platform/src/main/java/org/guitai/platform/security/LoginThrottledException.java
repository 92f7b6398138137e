package org.guitai.platform.security;

import java.time.Instant;
import java.util.Map;
import org.guitai.kernel.problem.PosException;
import org.guitai.kernel.security.Throttle;

/**
 * Too many wrong secrets for this staff code (at this terminal, where a server counts per
 * terminal): wait ({@code retryAfterSeconds}, also the Retry-After header), or, when locked, until
 * the lock ends or a manager lifts it.
 */
public class LoginThrottledException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Instant until;
    private final long retryAfterSeconds;

    public LoginThrottledException(Throttle.Refusal refusal, Instant now, LoginKey key, String secret) {
        super(refusal.locked() ? "login-locked" : "login-throttled", refusal.locked() ? 423 : 429,
                refusal.locked() ? "Login locked" : "Too many attempts",
                "too many wrong " + secret + "s for this staff code" + (key.terminalId().isPresent() ? " at this terminal" : "") + ": "
                        + (refusal.locked()
                        ? "locked until " + refusal.until() + " UTC" + (key.terminalId().isPresent() ? ", or until a manager unlocks it" : "")
                        : "try again in " + Throttle.secondsUntil(now, refusal.until()) + " s"));
        this.until = refusal.until();
        this.retryAfterSeconds = Throttle.secondsUntil(now, refusal.until());
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("retryAfterSeconds", retryAfterSeconds, "until", until.toString());
    }
}
