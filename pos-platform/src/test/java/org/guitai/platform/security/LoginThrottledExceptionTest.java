package org.guitai.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.guitai.kernel.security.Throttle;
import org.junit.jupiter.api.Test;

class LoginThrottledExceptionTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final LoginKey AT_HQ = LoginKey.anywhere("H001");
    private static final LoginKey AT_T1 = LoginKey.atTerminal("C001", "T1");

    @Test
    void theRefusalSaysWhenToComeBackInWholeSecondsRoundedUp() {
        LoginThrottledException slowed = new LoginThrottledException(new Throttle.Refusal(false, T0.plusMillis(1_200)), T0, AT_HQ, "password");
        assertEquals(429, slowed.status());
        assertEquals("login-throttled", slowed.slug());
        assertEquals(2L, slowed.extensions().get("retryAfterSeconds"));
        LoginThrottledException locked = new LoginThrottledException(new Throttle.Refusal(true, T0.plus(Duration.ofMinutes(15))), T0, AT_HQ, "password");
        assertEquals(423, locked.status());
        assertEquals("login-locked", locked.slug());
        assertEquals(900L, locked.extensions().get("retryAfterSeconds"));
        assertEquals(1L, new LoginThrottledException(new Throttle.Refusal(false, T0), T0.plusSeconds(5), AT_HQ, "password")
                .extensions().get("retryAfterSeconds"), "never below one");
    }

    @Test
    void aLockAtOneCounterSaysSoAndThatAManagerCanLiftIt() {
        String counter = new LoginThrottledException(new Throttle.Refusal(true, T0.plusSeconds(60)), T0, AT_T1, "PIN").detail();
        assertEquals("too many wrong PINs for this staff code at this terminal: locked until 2026-11-23T08:01:00Z UTC,"
                + " or until a manager unlocks it", counter);
        String hq = new LoginThrottledException(new Throttle.Refusal(false, T0.plusSeconds(4)), T0, AT_HQ, "password").detail();
        assertEquals("too many wrong passwords for this staff code: try again in 4 s", hq);
        assertTrue(!hq.contains("terminal") && !hq.contains("manager"), hq);
    }
}
