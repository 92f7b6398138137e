package org.guitai.store.staff.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final LoginThrottle.Policy POLICY = new LoginThrottle.Policy(3, 6, Duration.ofMinutes(15), Duration.ofSeconds(60));
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void theFirstFailuresAreFree() {
        LoginThrottle throttle = new LoginThrottle("C001", "T1");
        throttle.failed(T0, POLICY);
        throttle.failed(T0, POLICY);
        assertEquals(Optional.empty(), throttle.refusal(T0, POLICY));
    }

    @Test
    void thenEachAttemptWaitsTwiceAsLong() {
        assertEquals(Duration.ZERO, POLICY.delayAfter(2));
        assertEquals(Duration.ofSeconds(1), POLICY.delayAfter(3));
        assertEquals(Duration.ofSeconds(2), POLICY.delayAfter(4));
        assertEquals(Duration.ofSeconds(4), POLICY.delayAfter(5));
        assertEquals(Duration.ofSeconds(60), new LoginThrottle.Policy(1, 30, Duration.ofMinutes(1), Duration.ofSeconds(60)).delayAfter(20));

        LoginThrottle throttle = new LoginThrottle("C001", "T1");
        for (int i = 0; i < 4; i++) {
            throttle.failed(T0, POLICY);
        }
        LoginThrottle.Refusal refusal = throttle.refusal(T0.plusSeconds(1), POLICY).orElseThrow();
        assertFalse(refusal.locked());
        assertEquals(T0.plusSeconds(2), refusal.until());
        assertEquals(Optional.empty(), throttle.refusal(T0.plusSeconds(2), POLICY));
    }

    @Test
    void thenTheCodeIsLockedAtThatTerminal() {
        LoginThrottle throttle = new LoginThrottle("M001", "T2");
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
    void aPolicyLocksAfterTheFreeAttempts() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle.Policy(3, 3, Duration.ofMinutes(1), Duration.ofSeconds(1)));
    }

    @Test
    void theWaitRunsFromWhenTheWrongPinWasKnownNotFromWhenTheAttemptBegan() {
        LoginThrottle throttle = new LoginThrottle("C001", "T1");
        for (int i = 0; i < 3; i++) {
            throttle.failed(T0, POLICY);
        }
        Instant hashed = T0.plusMillis(700);
        throttle.failureKnown(hashed, POLICY);
        assertEquals(hashed.plusSeconds(1), throttle.refusal(T0.plusSeconds(1), POLICY).orElseThrow().until(),
                "the slow PIN check does not eat into the wait");
        assertEquals(Optional.empty(), throttle.refusal(hashed.plusSeconds(1), POLICY));
    }
}
