package org.guitai.hq.staff.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottledExceptionTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void theRefusalSaysWhenToComeBackInWholeSecondsRoundedUp() {
        LoginThrottledException slowed = new LoginThrottledException(false, T0.plusMillis(1_200), T0);
        assertEquals(429, slowed.status());
        assertEquals("login-throttled", slowed.slug());
        assertEquals(2L, slowed.extensions().get("retryAfterSeconds"));
        LoginThrottledException locked = new LoginThrottledException(true, T0.plus(Duration.ofMinutes(15)), T0);
        assertEquals(423, locked.status());
        assertEquals("login-locked", locked.slug());
        assertEquals(900L, locked.extensions().get("retryAfterSeconds"));
        assertEquals(1L, new LoginThrottledException(false, T0, T0.plusSeconds(5)).extensions().get("retryAfterSeconds"), "never below one");
    }
}
