package org.guitai.kernel.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlowHashTest {

    @Test
    void matchesOnlyTheSecretItWasMadeFrom() {
        String stored = SlowHash.hash("2468", 1_000);
        assertTrue(SlowHash.matches("2468", stored));
        assertFalse(SlowHash.matches("2469", stored));
        assertFalse(SlowHash.matches("", stored));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(SlowHash.hash("2468", 1_000), SlowHash.hash("2468", 1_000));
    }

    @Test
    void storesItsWorkFactor() {
        String stored = SlowHash.hash("1357", 1_234);
        assertTrue(stored.startsWith("pbkdf2-sha256$1234$"));
        assertTrue(SlowHash.matches("1357", stored));
        assertTrue(SlowHash.hash("x").startsWith("pbkdf2-sha256$" + SlowHash.DEFAULT_ITERATIONS + "$"));
    }

    @Test
    void refusesMalformedOrMissingHashes() {
        assertFalse(SlowHash.matches("2468", null));
        assertFalse(SlowHash.matches(null, SlowHash.hash("2468", 1_000)));
        assertFalse(SlowHash.matches("2468", "plain-2468"));
        assertFalse(SlowHash.matches("2468", "pbkdf2-sha256$x$y$z"));
        assertFalse(SlowHash.matches("2468", "pbkdf2-sha256$1000$!!$!!"));
    }

    @Test
    void randomTokensAreLongAndDistinct() {
        String a = SlowHash.randomToken(16);
        assertEquals(22, a.length());
        assertNotEquals(a, SlowHash.randomToken(16));
        assertEquals(64, SlowHash.digest(a).length());
        assertEquals(SlowHash.digest(a), SlowHash.digest(a));
    }
}
