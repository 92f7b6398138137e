package org.guitai.kernel.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The records a store posts to HQ and HQ answers with. Absent lists (a member left out of the JSON)
 * read as empty, and a record never changes after it is built, whatever happens to the lists it was built from.
 */
class StoreToHqContractTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    private static final UUID SALE = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID LINE = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    private static final Instant COMPLETED = Instant.parse("2026-11-23T02:00:00Z");

    private static SaleCompleted sale(List<SaleCompleted.Line> lines, List<SaleCompleted.Tender> tenders) {
        return new SaleCompleted(SALE, "T1", "C001", null, 7L, COMPLETED, LocalDate.of(2026, 11, 23), "CNY", "10.00", "1.15", lines, tenders);
    }

    @Test
    void aSaleEventIsTypedSaleCompletedAndHappenedWhenTheSaleCompleted() {
        SaleCompleted sale = sale(List.of(), List.of());
        StoreEvent event = StoreEvent.of(EVENT, sale);
        assertEquals("SaleCompleted", event.type(), "the wire name: stores of every version send it");
        assertEquals(StoreEvent.SALE_COMPLETED, event.type());
        assertEquals(EVENT, event.id());
        assertEquals(COMPLETED, event.occurredAt());
        assertSame(sale, event.saleCompleted());
    }

    @Test
    void everyRecordOnTheWireHasOneConstructorAsJsonBNeedsToReadIt() {
        // Yasson refuses a record with a second constructor ("Multiple constructors found"): HQ and the store could read no event
        for (Class<?> type : List.of(StoreEvent.class, SaleCompleted.class, SaleCompleted.Line.class, SaleCompleted.Tender.class,
                ReturnCompleted.class, ReturnCompleted.Line.class, ReturnCompleted.Refund.class, EventBatch.class, BatchReceipt.class,
                BatchReceipt.Rejection.class)) {
            assertEquals(1, type.getDeclaredConstructors().length, type.getName());
        }
    }

    @Test
    void aReturnEventIsTypedReturnCompletedAndCarriesNoSale() {
        ReturnCompleted refunded = new ReturnCompleted(UUID.fromString("00000000-0000-4000-8000-0000000000c1"), SALE, "T1", "C001",
                "QUALITY", "A001", null, COMPLETED, LocalDate.of(2026, 11, 23), "CNY", "10.00", null, null);
        StoreEvent event = StoreEvent.of(EVENT, refunded);
        assertEquals("ReturnCompleted", event.type());
        assertSame(refunded, event.returnCompleted());
        assertEquals(null, event.saleCompleted());
        assertEquals(COMPLETED, event.occurredAt());
    }

    @Test
    void absentListsReadAsEmpty() {
        assertEquals(List.of(), new EventBatch("S001", null).events());
        SaleCompleted sale = sale(null, null);
        assertEquals(List.of(), sale.lines());
        assertEquals(List.of(), sale.tenders());
        BatchReceipt receipt = new BatchReceipt(null, null);
        assertEquals(List.of(), receipt.accepted());
        assertEquals(List.of(), receipt.rejected());
    }

    @Test
    void aRecordKeepsTheListsAsTheyWereWhenItWasBuilt() {
        List<StoreEvent> events = new ArrayList<>(List.of(StoreEvent.of(EVENT, sale(List.of(), List.of()))));
        EventBatch batch = new EventBatch("S001", events);
        events.clear();
        assertEquals(1, batch.events().size(), "a sender reusing its list does not change a batch it built");
        assertThrows(UnsupportedOperationException.class, () -> batch.events().clear());

        List<SaleCompleted.Line> lines = new ArrayList<>(List.of(new SaleCompleted.Line(LINE, "E00002", "1", "10.00", "10.00", "0.13")));
        SaleCompleted sale = sale(lines, List.of(new SaleCompleted.Tender("CASH", "10.00")));
        lines.clear();
        assertEquals(1, sale.lines().size());
        assertThrows(UnsupportedOperationException.class, () -> sale.tenders().clear());

        List<UUID> accepted = new ArrayList<>(List.of(EVENT));
        BatchReceipt receipt = new BatchReceipt(accepted, List.of());
        accepted.clear();
        assertEquals(List.of(EVENT), receipt.accepted());
        assertThrows(UnsupportedOperationException.class, () -> receipt.rejected().clear());
    }

    @Test
    void aListWithAHoleCannotBeBuilt() {
        assertThrows(NullPointerException.class, () -> new EventBatch("S001", Arrays.asList(StoreEvent.of(EVENT, sale(null, null)), null)));
        assertThrows(NullPointerException.class, () -> sale(Arrays.asList((SaleCompleted.Line) null), null));
    }

    @Test
    void aRedeliveredEventEqualsTheFirstDelivery() {
        assertEquals(StoreEvent.of(EVENT, sale(List.of(), List.of())), StoreEvent.of(EVENT, sale(null, null)));
        assertEquals(new BatchReceipt.Rejection(EVENT, "unknown event type X"), new BatchReceipt.Rejection(EVENT, "unknown event type X"));
    }
}
