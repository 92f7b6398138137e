package org.guitai.hq.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guitai.kernel.contract.ReturnCompleted;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

/** How HQ reads a ReturnCompleted event into the facts its reports use, and which returns it cannot read. */
class ReturnFactsTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-4000-8000-0000000000e2");
    private static final UUID RETURN = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    private static final UUID SALE = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID LINE_1 = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    private static final UUID LINE_2 = UUID.fromString("00000000-0000-4000-8000-0000000000b2");
    private static final Instant COMPLETED = Instant.parse("2026-11-25T17:30:00Z");
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 26);

    private static ReturnCompleted refunded(String reason, String responsible, String refunded, List<ReturnCompleted.Line> lines,
                                            List<ReturnCompleted.Refund> refunds) {
        return new ReturnCompleted(RETURN, SALE, "T2", "C002", reason, "A001", responsible, COMPLETED, BUSINESS_DATE, "CNY", refunded,
                lines, refunds);
    }

    private static ReturnCompleted refunded() {
        return refunded("STAFF_ERROR", "C001", "126.49",
                List.of(new ReturnCompleted.Line(LINE_1, "E00002", "2", "100.00", "RESTOCK"),
                        new ReturnCompleted.Line(LINE_2, "F00007", "1.5", "26.49", "WRITE_OFF")),
                List.of(new ReturnCompleted.Refund("MOBILE", "26.49"), new ReturnCompleted.Refund("CASH", "100.00")));
    }

    private static ReturnFacts read(ReturnCompleted r) {
        return ReturnFacts.read("S001", StoreEvent.of(EVENT, r));
    }

    private static String unreadable(StoreEvent event) {
        return assertThrows(UnreadableEventException.class, () -> ReturnFacts.read("S001", event)).getMessage();
    }

    private static String unreadable(ReturnCompleted r) {
        return unreadable(StoreEvent.of(EVENT, r));
    }

    private static ReturnCompleted.Line line(String quantity, String amount) {
        return new ReturnCompleted.Line(LINE_1, "E00002", quantity, amount, "RESTOCK");
    }

    private static ReturnCompleted.Refund cash(String amount) {
        return new ReturnCompleted.Refund("CASH", amount);
    }

    @Test
    void aReturnBecomesOneFactWithItsLinesAndItsRefundsByTender() {
        ReturnFacts facts = read(refunded());
        ReturnFact fact = facts.fact();
        assertEquals("S001", fact.storeId());
        assertEquals(RETURN.toString(), fact.returnId());
        assertEquals(EVENT.toString(), fact.eventId());
        assertEquals(SALE.toString(), fact.saleId());
        assertEquals("T2", fact.terminalId());
        assertEquals("C002", fact.cashier());
        assertEquals("STAFF_ERROR", fact.reason());
        assertEquals("A001", fact.creditedStaff());
        assertEquals(Optional.of("C001"), fact.responsibleStaff());
        assertEquals(BUSINESS_DATE, fact.businessDate(), "the store's business date, not HQ's");
        assertEquals(COMPLETED, fact.completedAt());
        assertEquals(Money.of("126.49", "CNY"), fact.refunded());
        assertEquals(2, facts.lines().size());
        ReturnFactLine second = facts.lines().get(1);
        assertEquals(1, second.position());
        assertEquals(LINE_2.toString(), second.saleLineId());
        assertEquals("F00007", second.sku());
        assertEquals(new BigDecimal("1.5"), second.quantity());
        assertEquals(Money.of("26.49", "CNY"), second.amount());
        assertEquals(Optional.of("WRITE_OFF"), second.disposition());
        assertEquals(List.of("MOBILE", "CASH"), facts.refunds().stream().map(ReturnFactRefund::tender).toList(), "in the order refunded");
        assertEquals(Money.of("100.00", "CNY"), facts.refunds().get(1).amount());
        assertEquals(1, facts.refunds().get(1).position());
    }

    @Test
    void aReturnForAnotherReasonNeedsNoResponsibleMember() {
        ReturnFacts facts = read(refunded("QUALITY", null, "10.00", List.of(line("1", "10.00")), List.of(cash("10.00"))));
        assertEquals(Optional.empty(), facts.fact().responsibleStaff());
        assertEquals("QUALITY", facts.fact().reason());
    }

    @Test
    void aStaffErrorNamesTheMemberResponsible() {
        assertTrue(unreadable(refunded("STAFF_ERROR", null, "10.00", List.of(line("1", "10.00")), List.of(cash("10.00"))))
                .contains("a STAFF_ERROR return names the responsibleStaff"));
        assertTrue(unreadable(refunded("STAFF_ERROR", " ", "10.00", List.of(line("1", "10.00")), List.of(cash("10.00"))))
                .contains("responsibleStaff"));
    }

    @Test
    void theRefundsAndTheLinesAddUpToWhatWasRefunded() {
        assertEquals("return " + RETURN + " cannot be read: the refunds add up to 9.99, not the 10.00 refunded",
                unreadable(refunded("QUALITY", null, "10.00", List.of(line("1", "10.00")), List.of(cash("9.99")))));
        assertTrue(unreadable(refunded("QUALITY", null, "10.00", List.of(line("1", "9.00")), List.of(cash("10.00"))))
                .contains("the lines' amounts add up to 9.00, not the 10.00 refunded"));
    }

    @Test
    void unknownReasonsTendersAndDispositionsAreUnreadable() {
        assertTrue(unreadable(refunded("BORED", null, "10.00", List.of(line("1", "10.00")), List.of(cash("10.00")))).contains("reason 'BORED'"));
        assertTrue(unreadable(refunded("QUALITY", null, "10.00", List.of(line("1", "10.00")),
                List.of(new ReturnCompleted.Refund("GIFT_CARD", "10.00")))).contains("tender 'GIFT_CARD'"));
        assertTrue(unreadable(refunded("QUALITY", null, "10.00", List.of(new ReturnCompleted.Line(LINE_1, "E00002", "1", "10.00", "BIN")),
                List.of(cash("10.00")))).contains("disposition 'BIN'"));
    }

    @Test
    void amountsAndQuantitiesMustBeWhatTheTablesHold() {
        assertTrue(unreadable(refunded("QUALITY", null, "ten", List.of(line("1", "10.00")), List.of(cash("10.00")))).contains("'ten'"));
        assertTrue(unreadable(refunded("QUALITY", null, "10.001", List.of(line("1", "10.00")), List.of(cash("10.00")))).contains("10.001"));
        assertTrue(unreadable(refunded("QUALITY", null, "-10.00", List.of(line("1", "-10.00")), List.of(cash("-10.00")))).contains("negative"));
        assertTrue(unreadable(refunded("QUALITY", null, "10.00", List.of(line("0", "10.00")), List.of(cash("10.00")))).contains("quantity '0'"));
        assertTrue(unreadable(refunded("QUALITY", null, "10.00", List.of(line("1.0001", "10.00")), List.of(cash("10.00")))).contains("quantity"));
        assertTrue(unreadable(refunded("QUALITY", null, "0.00", List.of(line("1", "0.00")), List.of(cash("0.00")))).contains("refund of 0"));
        assertTrue(unreadable(refunded("QUALITY", null, "10.00", List.of(), List.of(cash("10.00")))).contains("no lines"));
        assertTrue(unreadable(new ReturnCompleted(RETURN, SALE, "T2", "C002", "QUALITY", "A001", null, COMPLETED, BUSINESS_DATE, "XYZ",
                "10.00", List.of(line("1", "10.00")), List.of(cash("10.00")))).startsWith("return " + RETURN + " cannot be read"));
        assertTrue(unreadable(new ReturnCompleted(RETURN, SALE, "T2", "C002", "QUALITY", "A-member-code-far-too-long", null, COMPLETED,
                BUSINESS_DATE, "CNY", "10.00", List.of(line("1", "10.00")), List.of(cash("10.00")))).contains("creditedStaff must be 1 to 16"));
    }

    @Test
    void aReturnOfNothingPaidIsKeptWithoutRefunds() {
        ReturnFacts facts = read(refunded("QUALITY", null, "0.00", List.of(line("1", "0.00")), List.of()));
        assertEquals(Money.of("0.00", "CNY"), facts.fact().refunded());
        assertEquals(List.of(), facts.refunds());
    }

    @Test
    void anEventWithoutItsReturnOrItsTimesIsUnreadable() {
        String needs = "a ReturnCompleted event needs returnCompleted with returnId, saleId, completedAt and businessDate";
        assertEquals(needs, unreadable(new StoreEvent(EVENT, StoreEvent.RETURN_COMPLETED, COMPLETED, null, null)));
        assertEquals(needs, unreadable(new ReturnCompleted(null, SALE, "T2", "C002", "QUALITY", "A001", null, COMPLETED, BUSINESS_DATE, "CNY",
                "10.00", List.of(line("1", "10.00")), List.of(cash("10.00")))));
        assertEquals(needs, unreadable(new ReturnCompleted(RETURN, SALE, "T2", "C002", "QUALITY", "A001", null, COMPLETED, null, "CNY",
                "10.00", List.of(line("1", "10.00")), List.of(cash("10.00")))));
        assertTrue(unreadable(new StoreEvent(EVENT, StoreEvent.RETURN_COMPLETED, null, null, refunded())).contains("occurredAt"));
        assertEquals("unknown event type SaleCompleted", unreadable(new StoreEvent(EVENT, StoreEvent.SALE_COMPLETED, COMPLETED, null, refunded())));
    }
}
