package org.guitai.platform.security;

import java.time.Duration;
import java.time.Instant;

/**
 * When a staff session is live, the same on every server: not ended, used within the idle timeout
 * and started within the absolute one. Use is written at most every half minute, to keep a write
 * off every request.
 */
public final class SessionLife {

    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    private SessionLife() {
    }

    public static boolean isLive(Instant now, Instant startedAt, Instant lastSeenAt, Instant endedAt, Duration idle, Duration absolute) {
        return endedAt == null && now.isBefore(lastSeenAt.plus(idle)) && now.isBefore(startedAt.plus(absolute));
    }

    /** True when the use last written is old enough to be worth writing again. */
    public static boolean isTouchDue(Instant now, Instant lastSeenAt) {
        return now.isAfter(lastSeenAt.plus(TOUCH_GRANULARITY));
    }
}
