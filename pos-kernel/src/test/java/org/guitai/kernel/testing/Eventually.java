package org.guitai.kernel.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits for a condition that another process brings about (an outbox delivery, a restart), by
 * checking it again and again until a deadline, and fails with a message when the deadline passes.
 */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T until(Duration timeout, String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not " + what + " within " + timeout.toSeconds() + " s; last seen: " + last);
    }

    public static void until(Duration timeout, String what, Supplier<Boolean> condition) {
        until(timeout, what, condition, Boolean.TRUE::equals);
    }
}
