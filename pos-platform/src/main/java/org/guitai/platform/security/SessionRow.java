package org.guitai.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One staff session as its row holds it. It is live while it is not ended, was used within the
 * idle timeout and started within the absolute one (its staff member must also still be active,
 * which the server knows). Use is written at most every half minute, to keep a write off every
 * request.
 */
public record SessionRow(String staffCode, Optional<String> terminalId, Instant startedAt, Instant lastSeenAt, Optional<Instant> endedAt) {

    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    public boolean isLive(Instant now, Duration idle, Duration absolute) {
        return endedAt.isEmpty() && now.isBefore(lastSeenAt.plus(idle)) && now.isBefore(startedAt.plus(absolute));
    }

    /** True when the use last written is old enough to be worth writing again. */
    public boolean isTouchDue(Instant now) {
        return now.isAfter(lastSeenAt.plus(TOUCH_GRANULARITY));
    }
}
