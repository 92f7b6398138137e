package org.guitai.store.shift.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void expectedCashIsFloatPlusCashReceivedLessChangeRefundsAndOutgoingMovements() {
        Ledger ledger = Ledger.empty()
                .plus(LedgerItem.CASH_RECEIVED, d("300.00")).plus(LedgerItem.CHANGE_GIVEN, d("21.00")) // a 279.00 sale paid with 300
                .plus(LedgerItem.CASH_WAIVED, d("0.05"))
                .plus(LedgerItem.REJECTED_NOTES, 1).plus(LedgerItem.REJECTED_AMOUNT, d("100.00"))      // 验: never entered the drawer
                .plus(LedgerItem.CARD_AMOUNT, d("639.00")).plus(LedgerItem.CHECK_AMOUNT, d("1000.00")) // never cash
                .plus(LedgerItem.MOBILE_AMOUNT, d("88.00"))
                .plus(LedgerItem.PAY_INS, d("50.00")).plus(LedgerItem.PAY_OUTS, d("12.50")).plus(LedgerItem.DROPS, d("200.00"))
                .plus(LedgerItem.CASH_REFUNDS, d("10.00"));
        // 500 + 300 - 21 - 10 + 50 - 12.50 - 200
        assertEquals(0, d("606.50").compareTo(ledger.expectedCash(d("500.00"))), ledger::toString);
        assertEquals(0, d("500.00").compareTo(Ledger.empty().expectedCash(d("500.00"))));
    }

    @Test
    void postingsAddUpAndZerosAreLeftOut() {
        Ledger first = Ledger.empty().plus(LedgerItem.SALES_COUNT, 1).plus(LedgerItem.SALES_AMOUNT, d("279.00"));
        Ledger both = first.plus(Ledger.empty().plus(LedgerItem.SALES_COUNT, 1).plus(LedgerItem.SALES_AMOUNT, d("639.00")).plus(LedgerItem.DROPS, d("0")));
        assertEquals(2, both.count(LedgerItem.SALES_COUNT));
        assertEquals(0, d("918.00").compareTo(both.get(LedgerItem.SALES_AMOUNT)));
        assertEquals(Map.of(LedgerItem.SALES_COUNT, d("2"), LedgerItem.SALES_AMOUNT, d("918.00")).keySet(), both.values().keySet());
        assertTrue(Ledger.empty().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Ledger.empty().plus(LedgerItem.NO_SALES, d("0.5")));
    }

    @Test
    void aDrawerCountTakesWholePiecesOfTheStoresDenominationsOnly() {
        List<BigDecimal> cny = List.of(d("100"), d("50"), d("20"), d("10"), d("5"), d("1"), d("0.5"), d("0.1"));
        DrawerCount count = DrawerCount.of(List.of(Map.entry(d("0.1"), d("3")), Map.entry(d("100"), d("5")), Map.entry(d("50"), d("0"))), cny, "float");
        assertEquals(d("500.30"), count.total());
        assertEquals(d("100"), count.pieces().get(0).denomination(), "largest first");
        for (var bad : List.of(Map.entry(d("3"), d("1")), Map.entry(d("100"), d("-1")), Map.entry(d("100"), d("1.5")))) {
            ShiftRuleException refused = assertThrows(ShiftRuleException.class, () -> DrawerCount.of(List.of(bad), cny, "count"));
            assertEquals(422, refused.status());
            assertEquals("bad-count", refused.slug());
        }
        assertThrows(ShiftRuleException.class, () -> DrawerCount.of(List.of(Map.entry(d("10"), d("1")), Map.entry(d("10.00"), d("2"))), cny, "count"),
                "a denomination counted twice");
    }
}
