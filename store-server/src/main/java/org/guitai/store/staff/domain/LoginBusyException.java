package org.guitai.store.staff.domain;

import java.time.Duration;
import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** More PIN checks at once than the store server spends its cores on; the caller tries again shortly (503). */
public class LoginBusyException extends PosException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public LoginBusyException(Duration waited) {
        super("login-busy", 503, "Too many logins at once",
                "the store server checked PINs for " + waited.toSeconds() + " s without getting to this one: try again in a moment");
        this.retryAfterSeconds = 2;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("retryAfterSeconds", retryAfterSeconds);
    }
}
