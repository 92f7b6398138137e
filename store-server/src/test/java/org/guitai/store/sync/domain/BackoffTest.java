package org.guitai.store.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesTheIntervalPerFailureUpToSixtyIntervals() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, backoff.after(0));
        assertEquals(Duration.ofSeconds(2), backoff.after(1));
        assertEquals(Duration.ofSeconds(4), backoff.after(2));
        assertEquals(Duration.ofSeconds(32), backoff.after(5));
        assertEquals(Duration.ofSeconds(60), backoff.after(6));
        assertEquals(Duration.ofSeconds(60), backoff.after(1_000));
    }

    @Test
    void scalesWithTheConfiguredInterval() {
        Backoff backoff = new Backoff(Duration.ofMillis(200));
        assertEquals(Duration.ofMillis(400), backoff.after(1));
        assertEquals(Duration.ofMillis(6_400), backoff.after(5));
        assertEquals(Duration.ofSeconds(12), backoff.after(6));
        assertEquals(Duration.ofSeconds(12), backoff.after(Integer.MAX_VALUE));
    }

    @Test
    void needsAPositiveInterval() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO));
    }
}
