package org.guitai.hq.staff.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final LoginThrottle.Policy POLICY = new LoginThrottle.Policy(3, 6, Duration.ofMinutes(15), Duration.ofSeconds(60));
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void theFirstFailuresAreFreeThenEachAttemptWaitsTwiceAsLong() {
        LoginThrottle throttle = new LoginThrottle("H001");
        throttle.failed(T0, POLICY);
        throttle.failed(T0, POLICY);
        assertEquals(Optional.empty(), throttle.refusal(T0, POLICY));
        throttle.failed(T0, POLICY);
        LoginThrottle.Refusal slowed = throttle.refusal(T0, POLICY).orElseThrow();
        assertFalse(slowed.locked());
        assertEquals(T0.plusSeconds(1), slowed.until());
        throttle.failed(T0.plusSeconds(1), POLICY);
        assertEquals(T0.plusSeconds(3), throttle.refusal(T0.plusSeconds(1), POLICY).orElseThrow().until());
    }

    @Test
    void theDelayCountsFromTheAnswerNotFromTheStartOfTheSlowCheck() {
        LoginThrottle throttle = new LoginThrottle("H001");
        for (int i = 0; i < 3; i++) {
            throttle.failed(T0, POLICY);
        }
        throttle.answered(T0.plusMillis(900));
        assertEquals(T0.plusMillis(1_900), throttle.refusal(T0.plusSeconds(1), POLICY).orElseThrow().until());
        throttle.answered(T0);
        assertEquals(T0.plusMillis(1_900), throttle.refusal(T0.plusSeconds(1), POLICY).orElseThrow().until(), "never earlier");
    }

    @Test
    void thenTheCodeIsLockedForAWhile() {
        LoginThrottle throttle = new LoginThrottle("H001");
        boolean locked = false;
        for (int i = 0; i < 6; i++) {
            locked = throttle.failed(T0, POLICY);
        }
        assertTrue(locked);
        LoginThrottle.Refusal refusal = throttle.refusal(T0.plusSeconds(600), POLICY).orElseThrow();
        assertTrue(refusal.locked());
        assertEquals(T0.plus(Duration.ofMinutes(15)), refusal.until());
        assertEquals(Optional.empty(), throttle.refusal(T0.plus(Duration.ofMinutes(15)), POLICY), "the lock expires");
        throttle.failed(T0.plus(Duration.ofMinutes(16)), POLICY);
        assertEquals(1, throttle.failures(), "after a lock expires the count starts again");
    }

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
