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
import org.guitai.kernel.contract.SaleCompleted;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

/** How HQ reads a store's event into the facts its reports use, and which events it cannot read. */
class SaleFactsTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    private static final UUID SALE = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID LINE_1 = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    private static final UUID LINE_2 = UUID.fromString("00000000-0000-4000-8000-0000000000b2");
    /** 01:30 in Beijing on the 24th is still the 23rd in UTC: the business date is the store's, not HQ's. */
    private static final Instant COMPLETED = Instant.parse("2026-11-23T17:30:00Z");
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 24);

    private static SaleCompleted sale() {
        return new SaleCompleted(SALE, "T1", "C001", null, 42L, COMPLETED, BUSINESS_DATE, "CNY", "126.49", "13.69",
                List.of(new SaleCompleted.Line(LINE_1, "E00002", "2", "50.00", "100.00", "0.13"),
                        new SaleCompleted.Line(LINE_2, "F00007", "1.5", "17.66", "26.49", "0.09")),
                List.of(new SaleCompleted.Tender("CASH", "126.49")));
    }

    private static SaleCompleted withAmounts(String currency, String total, String tax) {
        SaleCompleted s = sale();
        return new SaleCompleted(s.saleId(), s.terminalId(), s.cashier(), s.associate(), s.slipNumber(), s.completedAt(), s.businessDate(),
                currency, total, tax, List.of(), s.tenders());
    }

    private static SaleCompleted withLines(SaleCompleted.Line... lines) {
        SaleCompleted s = sale();
        return new SaleCompleted(s.saleId(), s.terminalId(), s.cashier(), s.associate(), s.slipNumber(), s.completedAt(), s.businessDate(),
                s.currency(), s.total(), s.tax(), List.of(lines), s.tenders());
    }

    private static SaleFacts read(SaleCompleted sale) {
        return SaleFacts.read("S001", StoreEvent.of(EVENT, sale));
    }

    private static String unreadable(StoreEvent event) {
        return assertThrows(UnreadableEventException.class, () -> SaleFacts.read("S001", event)).getMessage();
    }

    private static String unreadable(SaleCompleted sale) {
        return unreadable(StoreEvent.of(EVENT, sale));
    }

    @Test
    void aSalePaidByMobileOrSplitAcrossTendersIsReadLikeAnyOther() {
        SaleCompleted s = sale();
        SaleCompleted split = new SaleCompleted(s.saleId(), s.terminalId(), s.cashier(), s.associate(), s.slipNumber(), s.completedAt(), s.businessDate(),
                s.currency(), s.total(), s.tax(), s.lines(), List.of(new SaleCompleted.Tender("CARD", "20.00"),
                        new SaleCompleted.Tender("MOBILE", "100.00"), new SaleCompleted.Tender("CASH", "6.49")));
        SaleFacts facts = read(split);
        assertEquals(read(sale()).sale().total(), facts.sale().total());
        assertEquals(Money.of("126.49", "CNY"), facts.sale().total());
        assertEquals(2, facts.lines().size());
    }

    @Test
    void aCompletedSaleBecomesOneFactOfTheStoreAndAFactPerLine() {
        SaleFacts facts = read(sale());

        SaleFact fact = facts.sale();
        assertEquals(new SaleFact.Key("S001", SALE.toString()), fact.key(), "keyed by the store and the sale, not the event");
        assertEquals(EVENT.toString(), fact.eventId());
        assertEquals("T1", fact.terminalId());
        assertEquals("C001", fact.cashier());
        assertEquals(Optional.of(42L), fact.slipNumber());
        assertEquals(BUSINESS_DATE, fact.businessDate(), "the store's business date, as sent");
        assertEquals(COMPLETED, fact.completedAt());
        assertEquals(Money.of("126.49", "CNY"), fact.total());
        assertEquals(Money.of("13.69", "CNY"), fact.tax());

        assertEquals(List.of(new SaleFactLine.Key("S001", LINE_1.toString()), new SaleFactLine.Key("S001", LINE_2.toString())),
                facts.lines().stream().map(SaleFactLine::key).toList(), "every line, in the sale's order");
        SaleFactLine second = facts.lines().get(1);
        assertEquals(SALE.toString(), second.saleId());
        assertEquals("F00007", second.sku());
        assertEquals(new BigDecimal("1.5"), second.quantity(), "a weighed quantity is kept exactly");
        assertEquals(Money.of("17.66", "CNY"), second.unitPrice());
        assertEquals(Money.of("26.49", "CNY"), second.amount());
        assertEquals(new BigDecimal("0.09"), second.vatRate());
    }

    @Test
    void aSaleKeepsItsOwnCurrencyAndEveryAmountIsAtThatCurrencysScale() {
        SaleFact dollars = read(withAmounts("USD", "12.5", "1")).sale();
        assertEquals(Money.of("12.50", "USD"), dollars.total(), "not the chain's CNY: reports leave other currencies out");
        assertEquals("12.50", dollars.total().toPlainString());
        assertEquals("1.00", dollars.tax().toPlainString());
        assertEquals("1200", read(withAmounts("JPY", "1200", "0")).sale().total().toPlainString());
    }

    @Test
    void anAmountFinerThanItsCurrencyIsUnreadableRatherThanRounded() {
        String reason = unreadable(withAmounts("CNY", "10.005", "0.00"));
        assertTrue(reason.startsWith("sale " + SALE + " cannot be read: "), reason);
        assertTrue(reason.contains("10.005"), reason);
        assertTrue(unreadable(withAmounts("JPY", "1200.5", "0")).contains("JPY"));
        assertTrue(unreadable(withLines(new SaleCompleted.Line(LINE_1, "E00002", "1", "9.999", "10.00", "0.13"))).contains("9.999"));
    }

    @Test
    void amountsCurrenciesQuantitiesAndRatesHqCannotReadMakeTheSaleUnreadable() {
        assertTrue(unreadable(withAmounts("CNY", "ten yuan", "0.00")).contains("'ten yuan' is not a decimal amount"));
        assertTrue(unreadable(withAmounts("RMB", "10.00", "0.00")).startsWith("sale " + SALE + " cannot be read"),
                "RMB is what people say, CNY is the ISO code");
        assertTrue(unreadable(withAmounts(null, "10.00", "0.00")).startsWith("sale " + SALE + " cannot be read"));
        assertTrue(unreadable(withAmounts("CNY", "10.00", null)).startsWith("sale " + SALE + " cannot be read"), "a sale states its tax");
        assertTrue(unreadable(withLines(new SaleCompleted.Line(LINE_1, "E00002", "one", "10.00", "10.00", "0.13")))
                .startsWith("sale " + SALE + " cannot be read"));
        assertTrue(unreadable(withLines(new SaleCompleted.Line(LINE_1, "E00002", "1", "10.00", "10.00", "13%")))
                .startsWith("sale " + SALE + " cannot be read"));
        assertTrue(unreadable(withLines(new SaleCompleted.Line(null, "E00002", "1", "10.00", "10.00", "0.13")))
                .startsWith("sale " + SALE + " cannot be read"), "a line without its id could not be recognised again");
    }

    @Test
    void oneUnreadableLineMakesTheWholeSaleUnreadable() {
        String reason = unreadable(withLines(new SaleCompleted.Line(LINE_1, "E00002", "1", "10.00", "10.00", "0.13"),
                new SaleCompleted.Line(LINE_2, "F00007", "1", "10.00", "ten", "0.13")));
        assertTrue(reason.contains("'ten'"), reason);
    }

    @Test
    void aSaleEventNeedsItsSaleWithItsIdCompletionTimeAndBusinessDate() {
        String needs = "a SaleCompleted event needs saleCompleted with saleId, completedAt and businessDate";
        assertEquals(needs, unreadable(StoreEvent.ofType(EVENT, StoreEvent.SALE_COMPLETED, COMPLETED, null)));
        SaleCompleted s = sale();
        assertEquals(needs, unreadable(new SaleCompleted(null, "T1", "C001", null, 42L, COMPLETED, BUSINESS_DATE, "CNY", "1.00", "0.00",
                s.lines(), s.tenders())));
        assertEquals(needs, unreadable(new SaleCompleted(SALE, "T1", "C001", null, 42L, null, BUSINESS_DATE, "CNY", "1.00", "0.00",
                s.lines(), s.tenders())));
        assertEquals(needs, unreadable(new SaleCompleted(SALE, "T1", "C001", null, 42L, COMPLETED, null, "CNY", "1.00", "0.00",
                s.lines(), s.tenders())));
    }

    @Test
    void aSaleIsCreditedToItsAssociateElseToItsCashier() {
        SaleCompleted s = sale();
        assertEquals("C001", read(s).sale().creditedStaff());
        assertEquals(Optional.empty(), read(s).sale().associate());
        java.util.function.Function<String, SaleCompleted> servedBy = associate -> new SaleCompleted(s.saleId(), s.terminalId(), s.cashier(),
                associate, s.slipNumber(), s.completedAt(), s.businessDate(), s.currency(), s.total(), s.tax(), s.lines(), s.tenders());
        assertEquals(Optional.of("A001"), read(servedBy.apply("A001")).sale().associate());
        assertEquals("A001", read(servedBy.apply("A001")).sale().creditedStaff());
        assertEquals("C001", read(servedBy.apply(" ")).sale().creditedStaff(), "a blank associate is none");
        assertTrue(unreadable(servedBy.apply("A-code-far-too-long")).contains("associate must be 1 to 16 characters"));
    }

    @Test
    void aSaleWithoutASlipNumberIsStillRead() {
        SaleCompleted s = sale();
        SaleCompleted noSlip = new SaleCompleted(s.saleId(), s.terminalId(), s.cashier(), s.associate(), null, s.completedAt(), s.businessDate(),
                s.currency(), s.total(), s.tax(), s.lines(), s.tenders());
        assertEquals(Optional.empty(), read(noSlip).sale().slipNumber());
    }

    @Test
    void anEventOfATypeHqDoesNotKnowIsUnreadableNamingTheType() {
        assertEquals("unknown event type StockCounted", unreadable(StoreEvent.ofType(EVENT, "StockCounted", COMPLETED, sale())),
                "even with a sale aboard, the type decides");
        assertEquals("unknown event type saleCompleted", unreadable(StoreEvent.ofType(EVENT, "saleCompleted", COMPLETED, sale())),
                "type names are exact");
        assertEquals("unknown event type null", unreadable(StoreEvent.ofType(EVENT, null, COMPLETED, sale())));
    }

    @Test
    void theFactsAreFixedOnceRead() {
        SaleFacts facts = read(sale());
        assertThrows(UnsupportedOperationException.class, () -> facts.lines().clear());
    }

    @Test
    void valuesHqsTablesCannotHoldMakeTheSaleUnreadableNotTheWholeBatchFail() {
        SaleCompleted s = sale();
        SaleCompleted.Line line = s.lines().get(0);
        for (String[] terminalAndCashier : new String[][] {{null, "C001"}, {"T1", null}, {"T1", " "}, {"T-123456789012345", "C001"},
                {"T1", "C0123456789012345"}}) {
            SaleCompleted bad = new SaleCompleted(s.saleId(), terminalAndCashier[0], terminalAndCashier[1], s.associate(), s.slipNumber(), s.completedAt(),
                    s.businessDate(), s.currency(), s.total(), s.tax(), s.lines(), s.tenders());
            assertTrue(unreadable(bad).contains("cannot be read"), String.join(",", String.valueOf(terminalAndCashier[0]), terminalAndCashier[1]));
        }
        for (SaleCompleted.Line bad : List.of(
                new SaleCompleted.Line(line.lineId(), null, line.quantity(), line.unitPrice(), line.amount(), line.vatRate()),
                new SaleCompleted.Line(line.lineId(), "S".repeat(33), line.quantity(), line.unitPrice(), line.amount(), line.vatRate()),
                new SaleCompleted.Line(line.lineId(), line.sku(), "0.0001", line.unitPrice(), line.amount(), line.vatRate()),
                new SaleCompleted.Line(line.lineId(), line.sku(), line.quantity(), line.unitPrice(), line.amount(), "13"),
                new SaleCompleted.Line(line.lineId(), line.sku(), line.quantity(), line.unitPrice(), line.amount(), "-0.13"),
                new SaleCompleted.Line(line.lineId(), line.sku(), line.quantity(), line.unitPrice(), line.amount(), "0.12345"))) {
            assertTrue(unreadable(withLines(bad)).contains("cannot be read"), bad::toString);
        }
        assertTrue(unreadable(StoreEvent.ofType(EVENT, StoreEvent.SALE_COMPLETED, null, sale())).contains("occurredAt"));
        assertEquals(2, read(sale()).lines().size(), "the sample itself is readable");
    }
}
