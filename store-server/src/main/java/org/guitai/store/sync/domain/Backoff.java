package org.guitai.store.sync.domain;

import java.time.Duration;

/**
 * How long the relay leaves HQ alone after consecutive failures to reach it (down, 5xx, timeouts):
 * the relay's interval doubled per failure, at most {@value #MAX_INTERVALS} intervals (a minute at
 * the default of one second), so it scales with {@code guitai.outbox.interval-ms}.
 */
public record Backoff(Duration interval) {

    public static final int MAX_INTERVALS = 60;

    public Backoff {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive: " + interval);
        }
    }

    public Duration after(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration cap = interval.multipliedBy(MAX_INTERVALS);
        Duration grown = interval.multipliedBy(1L << Math.min(failures, 20));
        return grown.compareTo(cap) < 0 ? grown : cap;
    }
}
