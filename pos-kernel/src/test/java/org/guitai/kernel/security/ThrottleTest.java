package org.guitai.kernel.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.guitai.kernel.settings.SettingsReader;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Throttle.Policy POLICY = new Throttle.Policy(3, 6, Duration.ofMinutes(15), Duration.ofSeconds(60));
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Throttle.Tally failed(int times, Instant at) {
        Throttle.Tally tally = Throttle.Tally.NONE;
        for (int i = 0; i < times; i++) {
            tally = tally.failed(at, POLICY);
        }
        return tally;
    }

    @Test
    void theFirstFailuresAreFree() {
        assertEquals(Optional.empty(), failed(2, T0).refusal(T0, POLICY));
        assertEquals(Optional.empty(), Throttle.Tally.NONE.refusal(T0, POLICY));
    }

    @Test
    void thenEachAttemptWaitsTwiceAsLong() {
        assertEquals(Duration.ZERO, POLICY.delayAfter(2));
        assertEquals(Duration.ofSeconds(1), POLICY.delayAfter(3));
        assertEquals(Duration.ofSeconds(2), POLICY.delayAfter(4));
        assertEquals(Duration.ofSeconds(4), POLICY.delayAfter(5));
        assertEquals(Duration.ofSeconds(60), new Throttle.Policy(1, 30, Duration.ofMinutes(1), Duration.ofSeconds(60)).delayAfter(20), "capped");

        Throttle.Refusal refusal = failed(4, T0).refusal(T0.plusSeconds(1), POLICY).orElseThrow();
        assertFalse(refusal.locked());
        assertEquals(T0.plusSeconds(2), refusal.until());
        assertEquals(Optional.empty(), failed(4, T0).refusal(T0.plusSeconds(2), POLICY));
    }

    @Test
    void thenTheKeyIsLockedForAWhileAndCountsAfreshAfterwards() {
        Throttle.Tally five = failed(5, T0);
        assertFalse(five.locks(POLICY));
        Throttle.Tally six = five.failed(T0, POLICY);
        assertTrue(six.locks(POLICY), "the sixth wrong secret locks");
        Throttle.Refusal refusal = six.refusal(T0.plusSeconds(600), POLICY).orElseThrow();
        assertTrue(refusal.locked());
        assertEquals(T0.plus(Duration.ofMinutes(15)), refusal.until());
        assertEquals(Optional.empty(), six.refusal(T0.plus(Duration.ofMinutes(15)), POLICY), "the lock expires");
        Throttle.Tally after = six.failed(T0.plus(Duration.ofMinutes(16)), POLICY);
        assertEquals(1, after.failures(), "after a lock expires the count starts again");
        assertFalse(after.locks(POLICY));
    }

    @Test
    void theWaitRunsFromWhenTheWrongSecretWasKnownNeverEarlier() {
        Instant hashed = T0.plusMillis(700);
        Throttle.Tally answered = failed(3, T0).answered(hashed, POLICY);
        assertEquals(hashed.plusSeconds(1), answered.refusal(T0.plusSeconds(1), POLICY).orElseThrow().until(),
                "the slow check does not eat into the wait");
        assertEquals(Optional.empty(), answered.refusal(hashed.plusSeconds(1), POLICY));
        assertEquals(answered, answered.answered(T0, POLICY), "an earlier answer changes nothing");

        Throttle.Tally locked = failed(6, T0).answered(hashed, POLICY);
        assertEquals(hashed.plus(Duration.ofMinutes(15)), locked.refusal(hashed, POLICY).orElseThrow().until(), "so does a lock");
    }

    @Test
    void aPolicyNeedsAFreeAttemptAndALockAfterThem() {
        assertThrows(IllegalArgumentException.class, () -> new Throttle.Policy(3, 3, Duration.ofMinutes(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Throttle.Policy(0, 3, Duration.ofMinutes(1), Duration.ofSeconds(1)));
    }

    @Test
    void thePolicyIsReadFromSettingsAndABadOneNamesTheKey() {
        Throttle.Policy defaults = Throttle.Policy.read(new SettingsReader(key -> Optional.empty()));
        assertEquals(new Throttle.Policy(3, 6, Duration.ofMinutes(15), Duration.ofSeconds(60)), defaults);
        Map<String, String> bad = Map.of("guitai.login.free-attempts", "5", "guitai.login.lock-after", "4");
        SettingsReader reader = new SettingsReader(key -> Optional.ofNullable(bad.get(key)));
        Throttle.Policy.read(reader);
        assertTrue(String.join(";", reader.problems()).contains("guitai.login.lock-after"), reader.problems().toString());
    }

    @Test
    void theWaitIsInWholeSecondsRoundedUpAndNeverBelowOne() {
        assertEquals(2, Throttle.secondsUntil(T0, T0.plusMillis(1_200)));
        assertEquals(900, Throttle.secondsUntil(T0, T0.plus(Duration.ofMinutes(15))));
        assertEquals(1, Throttle.secondsUntil(T0.plusSeconds(5), T0));
    }
}
