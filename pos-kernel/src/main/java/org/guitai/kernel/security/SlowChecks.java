package org.guitai.kernel.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.guitai.kernel.problem.PosException;

/**
 * Slow secret checks (PBKDF2 of a PIN or password) run on at most half the cores at once, so a
 * flood of guesses cannot take the CPU a server needs for everything else. A check that waits
 * longer than {@link #WAIT} for its turn is refused with 503 before anything about it is counted.
 */
public final class SlowChecks {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private static final Semaphore TURNS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    private SlowChecks() {
    }

    /** Runs {@code check} (the whole attempt: counting it, the hash, recording the outcome) in its turn. */
    public static <T> T inTurn(Supplier<T> check) {
        try {
            if (!TURNS.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        try {
            return check.get();
        } finally {
            TURNS.release();
        }
    }

    /** More secret checks at once than the server spends its cores on; the caller tries again shortly. */
    public static final class BusyException extends PosException {

        private static final long serialVersionUID = 1L;

        public BusyException() {
            super("login-busy", 503, "Too many logins at once",
                    "the server checked secrets for " + WAIT.toSeconds() + " s without getting to this one: try again in a moment");
        }

        @Override
        public Map<String, Object> extensions() {
            return Map.of("retryAfterSeconds", 2L);
        }
    }
}
