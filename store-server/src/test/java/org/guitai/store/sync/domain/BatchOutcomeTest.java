package org.guitai.store.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guitai.kernel.contract.BatchReceipt;
import org.junit.jupiter.api.Test;

class BatchOutcomeTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    private static final UUID ELSEWHERE = UUID.fromString("00000000-0000-4000-8000-0000000000ff");

    @Test
    void acceptedEventsAreDeliveredAndRejectedOnesRefusedWithHqsReason() {
        BatchOutcome outcome = BatchOutcome.of(List.of(A, B, C),
                new BatchReceipt(List.of(A, C), List.of(new BatchReceipt.Rejection(B, "unknown event type StockCounted"))));
        assertEquals(List.of(A.toString(), C.toString()), outcome.delivered());
        assertEquals(Map.of(B.toString(), "rejected by HQ: unknown event type StockCounted"), outcome.refused());
    }

    @Test
    void everyEventSentLeavesTheLineEvenWhenHqRefusesAWholeBatch() {
        BatchOutcome outcome = BatchOutcome.of(List.of(A, B),
                new BatchReceipt(List.of(), List.of(new BatchReceipt.Rejection(A, "bad"), new BatchReceipt.Rejection(B, "bad"))));
        assertTrue(outcome.delivered().isEmpty());
        assertEquals(2, outcome.refused().size(), "a batch full of refusals must not come back at the front of the next one");
    }

    @Test
    void anEventHqLeavesOutOfItsReceiptIsRefusedToo() {
        BatchOutcome outcome = BatchOutcome.of(List.of(A, B), new BatchReceipt(List.of(A), List.of()));
        assertEquals(List.of(A.toString()), outcome.delivered());
        assertEquals(Map.of(B.toString(), "HQ neither accepted nor rejected it in its receipt"), outcome.refused());
    }

    @Test
    void acceptedWinsOverRejectedAndIdsNotSentAreIgnored() {
        BatchOutcome outcome = BatchOutcome.of(List.of(A),
                new BatchReceipt(List.of(A, ELSEWHERE), List.of(new BatchReceipt.Rejection(A, "confused"), new BatchReceipt.Rejection(ELSEWHERE, "x"))));
        assertEquals(List.of(A.toString()), outcome.delivered());
        assertTrue(outcome.refused().isEmpty());
    }

    @Test
    void aRejectionWithoutAReasonSaysSo() {
        BatchOutcome outcome = BatchOutcome.of(List.of(A), new BatchReceipt(null, List.of(new BatchReceipt.Rejection(A, " "))));
        assertEquals(Map.of(A.toString(), "rejected by HQ: no reason given"), outcome.refused());
    }
}
