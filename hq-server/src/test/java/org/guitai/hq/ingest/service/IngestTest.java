package org.guitai.hq.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guitai.hq.ingest.domain.InboxEntry;
import org.guitai.hq.ingest.domain.SaleFacts;
import org.guitai.hq.store.domain.ChainStore;
import org.guitai.hq.store.domain.StoreNotAuthenticatedException;
import org.guitai.hq.store.service.ChainStores;
import org.guitai.kernel.contract.BatchReceipt;
import org.guitai.kernel.contract.EventBatch;
import org.guitai.kernel.contract.SaleCompleted;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store's batch at HQ: the credential first, then each event on its own, and a receipt the store can
 * act on. The inbox is held in memory here, keyed like the real one; HqApiIT runs the same rules on MariaDB.
 */
class IngestTest {

    private static final String S001_CREDENTIAL = "credential-of-store-S001";
    private static final String S002_CREDENTIAL = "credential-of-store-S002";
    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

    private final MemoryInbox inbox = new MemoryInbox();
    private final Ingest ingest = new Ingest();
    private int serial;

    @BeforeEach
    void chainOfTwoStores() {
        Map<String, ChainStore> chain = new LinkedHashMap<>();
        for (String id : List.of("S001", "S002")) {
            ChainStore store = new ChainStore(id, "Store " + id, "Beijing", Currency.getInstance("CNY"));
            store.issueCredential(id.equals("S001") ? S001_CREDENTIAL : S002_CREDENTIAL);
            chain.put(id, store);
        }
        ingest.stores = new ChainStores() {
            @Override
            public Optional<ChainStore> find(String id) {
                return Optional.ofNullable(chain.get(id));
            }
        };
        ingest.inbox = inbox;
    }

    /** A readable sale event with ids of its own (deterministic: counted, not random). */
    private StoreEvent sale(String total) {
        serial++;
        UUID event = new UUID(0xE, serial);
        SaleCompleted sale = new SaleCompleted(new UUID(0xA, serial), "T1", "C001", null, (long) serial, AT, LocalDate.of(2026, 11, 23),
                "CNY", total, "0.00", List.of(new SaleCompleted.Line(new UUID(0xB, serial), "E00002", "1", total, total, "0.13")), List.of());
        return StoreEvent.of(event, sale);
    }

    private StoreEvent ofType(String type) {
        serial++;
        return StoreEvent.ofType(new UUID(0xE, serial), type, AT, null);
    }

    private BatchReceipt deliver(String storeId, String credential, StoreEvent... events) {
        return ingest.receive(storeId, credential, new EventBatch(storeId, Arrays.asList(events)));
    }

    private static List<UUID> ids(StoreEvent... events) {
        return Arrays.stream(events).map(StoreEvent::id).toList();
    }

    @Test
    void everyReadableEventIsRecordedAndAcknowledgedInTheOrderSent() {
        StoreEvent a = sale("10.00");
        StoreEvent b = sale("20.00");
        StoreEvent c = sale("30.00");
        BatchReceipt receipt = deliver("S001", S001_CREDENTIAL, a, b, c);
        assertEquals(ids(a, b, c), receipt.accepted());
        assertEquals(List.of(), receipt.rejected());
        assertEquals(3, inbox.recorded("S001"));
    }

    @Test
    void anUnreadableEventIsRejectedWithItsReasonAndDoesNotHoldBackTheEventsAfterIt() {
        StoreEvent before = sale("10.00");
        StoreEvent unknown = ofType("StockCounted");
        StoreEvent after = sale("20.00");
        StoreEvent badAmount = sale("ten yuan");
        BatchReceipt receipt = deliver("S001", S001_CREDENTIAL, before, unknown, after, badAmount);
        assertEquals(ids(before, after), receipt.accepted());
        assertEquals(ids(unknown, badAmount), receipt.rejected().stream().map(BatchReceipt.Rejection::id).toList());
        assertEquals("unknown event type StockCounted", receipt.rejected().get(0).reason());
        assertTrue(receipt.rejected().get(1).reason().contains("'ten yuan'"), receipt::toString);
        assertEquals(2, inbox.recorded("S001"), "nothing of a rejected event is kept");
    }

    @Test
    void aRedeliveredBatchIsAcknowledgedAgainAndRecordsNothingNew() {
        StoreEvent a = sale("10.00");
        StoreEvent b = sale("20.00");
        deliver("S001", S001_CREDENTIAL, a);
        BatchReceipt again = deliver("S001", S001_CREDENTIAL, a, b);
        assertEquals(ids(a, b), again.accepted(), "the store lost the first receipt: it must hear about a again");
        assertEquals(2, inbox.recorded("S001"));
        assertEquals(List.of(InboxWriter.Outcome.RECORDED, InboxWriter.Outcome.ALREADY_RECORDED, InboxWriter.Outcome.RECORDED),
                inbox.outcomes);
    }

    @Test
    void anEventTwiceInOneBatchIsRecordedOnceAndAcknowledged() {
        StoreEvent a = sale("10.00");
        BatchReceipt receipt = deliver("S001", S001_CREDENTIAL, a, a);
        assertEquals(Set.of(a.id()), Set.copyOf(receipt.accepted()));
        assertEquals(List.of(), receipt.rejected());
        assertEquals(1, inbox.recorded("S001"));
    }

    @Test
    void theLoserOfTwoConcurrentDeliveriesIsAcknowledgedBecauseTheWinnerRecordedTheEvent() {
        StoreEvent raced = sale("10.00");
        inbox.failWith = new IllegalStateException("commit failed",
                new SQLIntegrityConstraintViolationException("Duplicate entry 'S001-…' for key 'PRIMARY'", "23000", 1062));
        inbox.recordedMeanwhile.add(new InboxEntry.Key("S001", raced.id().toString()));
        BatchReceipt receipt = deliver("S001", S001_CREDENTIAL, raced);
        assertEquals(ids(raced), receipt.accepted());
        assertEquals(List.of(), receipt.rejected());
    }

    @Test
    void anEventWhoseSaleHqHoldsUnderAnotherEventIsRefusedNotAcknowledged() {
        StoreEvent again = sale("10.00");
        inbox.failWith = new IllegalStateException("flush failed",
                new SQLIntegrityConstraintViolationException("Duplicate entry 'S001-…' for key 'PRIMARY'", "23000", 1062));
        BatchReceipt receipt = deliver("S001", S001_CREDENTIAL, again);
        assertEquals(List.of(), receipt.accepted(), "nothing of it was recorded: acknowledging it would lose it without a trace");
        assertEquals(ids(again), receipt.rejected().stream().map(BatchReceipt.Rejection::id).toList());
        assertTrue(receipt.rejected().get(0).reason().contains("under another event"), receipt::toString);
    }

    @Test
    void aFailureThatIsNotTheEventsFaultFailsTheWholeBatchSoTheStoreSendsItAgain() {
        RuntimeException databaseDown = new IllegalStateException("no connection",
                new SQLTransientConnectionException("Connection refused", "08000", 0));
        inbox.failWith = databaseDown;
        assertSame(databaseDown, assertThrows(IllegalStateException.class, () -> deliver("S001", S001_CREDENTIAL, sale("10.00"))));

        inbox.failWith = new IllegalStateException("deadlock", new SQLException("Deadlock found", "40001", 1213));
        assertThrows(IllegalStateException.class, () -> deliver("S001", S001_CREDENTIAL, sale("10.00")),
                "a deadlock is no proof that anyone recorded the event");
    }

    @Test
    void anEventWithoutAnIdIsNeitherAcknowledgedNorRejected() {
        StoreEvent good = sale("10.00");
        StoreEvent noId = StoreEvent.ofType(null, StoreEvent.SALE_COMPLETED, AT, null);
        BatchReceipt receipt = deliver("S001", S001_CREDENTIAL, noId, good);
        assertEquals(ids(good), receipt.accepted());
        assertEquals(List.of(), receipt.rejected());
        assertEquals(1, inbox.outcomes.size(), "the inbox never saw it");
    }

    @Test
    void nothingIsAppliedWithoutTheStoresOwnCredential() {
        StoreEvent a = sale("10.00");
        for (String wrong : Arrays.asList(null, "", "credential-of-store-S00", S001_CREDENTIAL + "x", S002_CREDENTIAL)) {
            assertThrows(StoreNotAuthenticatedException.class, () -> deliver("S001", wrong, a), String.valueOf(wrong));
        }
        assertThrows(StoreNotAuthenticatedException.class, () -> deliver("S404", S001_CREDENTIAL, a), "a store HQ does not know");
        assertEquals(List.of(), inbox.outcomes);
    }

    @Test
    void aBatchPostedForAnotherStoreIsRefusedWholeAfterTheCredentialCheck() {
        StoreEvent a = sale("10.00");
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> ingest.receive("S001", S001_CREDENTIAL, new EventBatch("S002", List.of(a))));
        assertEquals(400, refused.status());
        assertEquals("the batch is from store S002 but was posted for S001", refused.detail());
        assertThrows(StoreNotAuthenticatedException.class, () -> ingest.receive("S002", S001_CREDENTIAL, new EventBatch("S001", List.of(a))),
                "a caller without S002's credential learns nothing about the batch");
        assertEquals(List.of(), inbox.outcomes);
    }

    @Test
    void aBatchThatNamesNoStoreIsRecordedForTheStoreThatPostedIt() {
        StoreEvent a = sale("10.00");
        BatchReceipt receipt = ingest.receive("S002", S002_CREDENTIAL, new EventBatch(null, List.of(a)));
        assertEquals(ids(a), receipt.accepted());
        assertEquals(0, inbox.recorded("S001"));
        assertEquals(1, inbox.recorded("S002"));
    }

    @Test
    void eventIdsAreTheStoresOwnSoTheSameIdFromTwoStoresIsRecordedTwice() {
        StoreEvent a = sale("10.00");
        deliver("S001", S001_CREDENTIAL, a);
        deliver("S002", S002_CREDENTIAL, a);
        assertEquals(1, inbox.recorded("S001"));
        assertEquals(1, inbox.recorded("S002"));
    }

    @Test
    void anEmptyBatchIsAnEmptyReceipt() {
        BatchReceipt receipt = ingest.receive("S001", S001_CREDENTIAL, new EventBatch("S001", null));
        assertEquals(List.of(), receipt.accepted());
        assertEquals(List.of(), receipt.rejected());
    }

    /** What {@link InboxWriter} does, in memory: an event is recorded once per (store, event id), and only when readable. */
    private static final class MemoryInbox extends InboxWriter {

        final Map<InboxEntry.Key, SaleFacts> held = new LinkedHashMap<>();
        /** Events another delivery recorded while this one failed on the inbox key. */
        final Set<InboxEntry.Key> recordedMeanwhile = new HashSet<>();
        final List<Outcome> outcomes = new ArrayList<>();
        RuntimeException failWith;

        @Override
        public Outcome apply(String storeId, StoreEvent event) {
            if (failWith != null) {
                throw failWith;
            }
            InboxEntry.Key key = new InboxEntry.Key(storeId, event.id().toString());
            Outcome outcome = Outcome.ALREADY_RECORDED;
            if (!held.containsKey(key)) {
                held.put(key, SaleFacts.read(storeId, event));
                outcome = Outcome.RECORDED;
            }
            outcomes.add(outcome);
            return outcome;
        }

        @Override
        public boolean recorded(String storeId, String eventId) {
            InboxEntry.Key key = new InboxEntry.Key(storeId, eventId);
            return held.containsKey(key) || recordedMeanwhile.contains(key);
        }

        long recorded(String storeId) {
            return held.keySet().stream().filter(k -> k.storeId().equals(storeId)).count();
        }
    }
}
