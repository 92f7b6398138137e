package org.guitai.store.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxEventTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static OutboxEvent event() {
        return new OutboxEvent("0b6c6c4e-4f5e-4d4e-9c1e-000000000001", "SaleCompleted", "{}", T0);
    }

    @Test
    void aTransientFailureKeepsTheEventInLine() {
        OutboxEvent event = event();
        event.failed("HTTP 503 Service Unavailable", T0.plusSeconds(1));
        assertEquals(OutboxEvent.State.PENDING, event.state());
        assertEquals(1, event.attempts());
        assertEquals(Optional.of("HTTP 503 Service Unavailable"), event.lastError());
    }

    @Test
    void aRefusedEventIsSetAsideWithItsReasonAndTime() {
        OutboxEvent event = event();
        event.setAside("rejected by HQ: " + "x".repeat(600), T0.plusSeconds(2));
        assertEquals(OutboxEvent.State.DEAD_LETTER, event.state());
        assertEquals(Optional.of(T0.plusSeconds(2)), event.deadAt());
        assertEquals(500, event.deadReason().orElseThrow().length(), "clipped to its column");
        assertEquals(1, event.deadCount());
    }

    @Test
    void aManagerPutsADeadLetterBackInLineAndItsReasonStaysAsHistory() {
        OutboxEvent event = event();
        event.setAside("rejected by HQ: unknown event type", T0.plusSeconds(2));
        event.requeue("M001", T0.plusSeconds(60));
        assertEquals(OutboxEvent.State.PENDING, event.state());
        assertEquals(Optional.empty(), event.deadAt());
        assertEquals(Optional.of("M001"), event.requeuedBy());
        assertEquals(Optional.of(T0.plusSeconds(60)), event.requeuedAt());
        assertEquals(Optional.of("rejected by HQ: unknown event type"), event.deadReason());

        event.setAside("rejected by HQ: still unknown", T0.plusSeconds(61));
        assertEquals(2, event.deadCount());
        event.requeue("M001", T0.plusSeconds(120));
        event.delivered(T0.plusSeconds(121));
        assertEquals(OutboxEvent.State.DELIVERED, event.state());
    }

    @Test
    void onlyADeadLetterCanBeRequeued() {
        OutboxEvent pending = event();
        NotADeadLetterException inLine = assertThrows(NotADeadLetterException.class, () -> pending.requeue("M001", T0));
        assertEquals(409, inLine.status());
        assertEquals("PENDING", inLine.extensions().get("state"));

        OutboxEvent delivered = event();
        delivered.delivered(T0);
        assertEquals("DELIVERED", assertThrows(NotADeadLetterException.class, () -> delivered.requeue("M001", T0)).extensions().get("state"));
    }

    @Test
    void aDeliveredEventIsNeverSetAside() {
        OutboxEvent event = event();
        event.delivered(T0);
        event.setAside("late refusal", T0.plusSeconds(1));
        assertEquals(OutboxEvent.State.DELIVERED, event.state());
        assertEquals(0, event.deadCount());
    }
}
