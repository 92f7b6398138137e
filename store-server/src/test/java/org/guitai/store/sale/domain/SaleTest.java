package org.guitai.store.sale.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.kernel.money.CashRounding;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

class SaleTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final List<BigDecimal> DENOMINATIONS = List.of("100", "50", "20", "10", "5", "1", "0.5", "0.1").stream().map(BigDecimal::new).toList();
    private static final CashRounding CASH = new CashRounding(new BigDecimal("0.1"), RoundingMode.DOWN);
    private static final SoldItem RICE_COOKER = item("E00002", "279.00");
    private static final SoldItem KETTLE = item("E00010", "99.90");

    private static SoldItem item(String sku, String price) {
        return new SoldItem(sku, "6910384000029", "电饭煲", "美的", "MB-FB40S701", "3L", "白色", "台", money(price), new BigDecimal("0.13"));
    }

    private static Money money(String amount) {
        return Money.of(amount, CNY);
    }

    private static Sale open() {
        return Sale.open("sale-1", "T1", "shift-1", "C001", null, null, CNY, TODAY, NOW);
    }

    private static Sale confirmedWith(SoldItem item, String quantity) {
        Sale sale = open();
        sale.addLine("line-1", item, new BigDecimal(quantity), item.listPrice(), BigDecimal.ZERO, ROUNDING);
        sale.confirm(NOW);
        return sale;
    }

    private static List<NoteCount> notes(String denomination, int count) {
        return List.of(new NoteCount(new BigDecimal(denomination), count));
    }

    // --- order ---------------------------------------------------------------------------------------

    @Test
    void aNewSaleIsOpenAndEmpty() {
        Sale sale = open();
        assertEquals(SaleStatus.OPEN, sale.status());
        assertEquals(money("0"), sale.total());
        assertEquals(money("0"), sale.due());
    }

    @Test
    void linesAreQuantityTimesUnitPriceAndAddUp() {
        Sale sale = open();
        sale.addLine("l1", RICE_COOKER, new BigDecimal("2"), RICE_COOKER.listPrice(), BigDecimal.ZERO, ROUNDING);
        sale.addLine("l2", KETTLE, new BigDecimal("3"), KETTLE.listPrice(), BigDecimal.ZERO, ROUNDING);
        assertEquals(money("558.00"), sale.line("l1").orElseThrow().amount());
        assertEquals(money("299.70"), sale.line("l2").orElseThrow().amount());
        assertEquals(money("857.70"), sale.total());
        assertEquals(2, sale.line("l2").orElseThrow().lineNo());
    }

    @Test
    void discountsReduceTheUnitPriceRoundedOnce() {
        Sale sale = open();
        sale.addLine("l1", RICE_COOKER, BigDecimal.ONE, RICE_COOKER.listPrice(), new BigDecimal("0.10"), ROUNDING);
        assertEquals(money("251.10"), sale.line("l1").orElseThrow().unitPrice());
        sale.discountOrder(new BigDecimal("0.05"), ROUNDING);
        // 279.00 x 0.90 x 0.95 = 238.545, rounded half-up once
        assertEquals(money("238.55"), sale.line("l1").orElseThrow().unitPrice());
        assertEquals(money("238.55"), sale.total());
        assertEquals(money("279.00"), sale.listTotal(ROUNDING));
        sale.discountLine("l1", BigDecimal.ZERO, ROUNDING);
        assertEquals(money("265.05"), sale.total());
    }

    @Test
    void anOverriddenPriceIsTheBaseOfTheLine() {
        Sale sale = open();
        SaleLine line = sale.addLine("l1", RICE_COOKER, BigDecimal.ONE, money("250.00"), BigDecimal.ZERO, ROUNDING);
        assertTrue(line.isOverridden());
        assertEquals(money("279.00"), line.listPrice());
        assertEquals(money("250.00"), sale.total());
    }

    @Test
    void quantitiesMustBePositive() {
        Sale sale = open();
        SaleRuleException e = assertThrows(SaleRuleException.class,
                () -> sale.addLine("l1", RICE_COOKER, BigDecimal.ZERO, RICE_COOKER.listPrice(), BigDecimal.ZERO, ROUNDING));
        assertEquals("invalid-quantity", e.slug());
    }

    @Test
    void changingAQuantityReprices() {
        Sale sale = open();
        sale.addLine("l1", RICE_COOKER, BigDecimal.ONE, RICE_COOKER.listPrice(), BigDecimal.ZERO, ROUNDING);
        sale.changeQuantity("l1", new BigDecimal("3"), ROUNDING);
        assertEquals(money("837.00"), sale.total());
    }

    @Test
    void aVoidedLineLeavesTheTotal() {
        Sale sale = open();
        sale.addLine("l1", RICE_COOKER, BigDecimal.ONE, RICE_COOKER.listPrice(), BigDecimal.ZERO, ROUNDING);
        sale.addLine("l2", KETTLE, BigDecimal.ONE, KETTLE.listPrice(), BigDecimal.ZERO, ROUNDING);
        assertFalse(sale.voidNeedsApproval());
        sale.voidLine("l1", "C001", NOW);
        assertEquals(money("99.90"), sale.total());
        assertEquals(1, sale.activeLines().size());
        assertEquals(2, sale.lines().size(), "the voided line is kept");
    }

    @Test
    void voidingAfterConfirmationReopensTheSaleForANewReadBack() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        assertTrue(sale.voidNeedsApproval());
        sale.voidLine("line-1", "C001", NOW);
        assertEquals(SaleStatus.OPEN, sale.status());
    }

    @Test
    void linesAreFrozenOnceConfirmed() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        SaleStateException e = assertThrows(SaleStateException.class,
                () -> sale.addLine("l2", KETTLE, BigDecimal.ONE, KETTLE.listPrice(), BigDecimal.ZERO, ROUNDING));
        assertEquals(SaleStatus.CONFIRMED, e.state());
        assertEquals(409, e.status());
        assertTrue(e.detail().contains("CONFIRMED"));
        assertThrows(SaleStateException.class, () -> sale.changeQuantity("line-1", BigDecimal.TEN, ROUNDING));
        assertThrows(SaleStateException.class, () -> sale.discountOrder(new BigDecimal("0.05"), ROUNDING));
    }

    @Test
    void anEmptySaleCannotBeConfirmed() {
        assertEquals("empty-sale", assertThrows(SaleRuleException.class, () -> open().confirm(NOW)).slug());
    }

    // --- cash --------------------------------------------------------------------------------------

    @Test
    void cashWithChangeMakesTheSaleReadyToStamp() {
        Sale sale = confirmedWith(RICE_COOKER, "2");
        Payment payment = sale.takeCash("p1", money("558.00"), Optional.empty(), List.of(new NoteCount(new BigDecimal("100"), 5),
                new NoteCount(new BigDecimal("50"), 2)), List.of(new RejectedNote(new BigDecimal("100"), "FA1", RejectedNote.Reason.COUNTERFEIT)),
                DENOMINATIONS, CASH, "C001", NOW);
        assertEquals(money("600.00"), payment.received());
        assertEquals(money("558.00"), payment.applied());
        assertEquals(money("42.00"), payment.change());
        assertEquals(1, payment.rejected().size());
        assertTrue(sale.needsGoodsTaken());
        assertFalse(sale.isReadyToStampPaid(), "the goods leave the stock before the slip is stamped");
        sale.goodsTaken(NOW);
        assertTrue(sale.isReadyToStampPaid());
        sale.stampPaid(7, NOW, TODAY);
        assertEquals(SaleStatus.PAID, sale.status());
        assertEquals(Optional.of(7L), sale.slipNumber());
    }

    @Test
    void aCounterSaleBelongsToTheDayItIsPaidOn() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        sale.takeCash("p1", money("279.00"), Optional.empty(), notes("100", 3), List.of(), DENOMINATIONS, CASH, "C001", NOW);
        sale.goodsTaken(NOW);
        sale.stampPaid(1, NOW, TODAY.plusDays(1));
        assertEquals(TODAY.plusDays(1), sale.businessDate(), "opened before midnight, paid after it");
    }

    @Test
    void aSubmittedSaleKeepsTheDayItWasMade() {
        Sale sale = Sale.fromDocument("sale-2", "T1", "shift-1", "C001", null, null, CNY, TODAY, NOW);
        sale.addLine("line-1", RICE_COOKER, BigDecimal.ONE, RICE_COOKER.listPrice(), BigDecimal.ZERO, RoundingMode.HALF_UP);
        sale.confirm(NOW);
        sale.takeCash("p1", money("279.00"), Optional.empty(), notes("100", 3), List.of(), DENOMINATIONS, CASH, "C001", NOW);
        sale.goodsTaken(NOW);
        sale.stampPaid(1, NOW, TODAY.plusDays(3));
        assertEquals(TODAY, sale.businessDate());
        assertEquals(SaleOrigin.DOCUMENT, sale.origin());
    }

    @Test
    void theStatedAmountDueMustMatch() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        SaleRuleException e = assertThrows(SaleRuleException.class, () -> sale.takeCash("p1", money("270.00"), Optional.empty(),
                notes("100", 3), List.of(), DENOMINATIONS, CASH, "C001", NOW));
        assertEquals("amount-due-mismatch", e.slug());
        assertEquals(Map.of("due", "279.00"), e.extensions());
        assertTrue(sale.payments().isEmpty());
    }

    @Test
    void cashWaivesTheFenTheDrawerCannotPay() {
        Sale sale = open();
        sale.addLine("l1", item("H00001", "12.90"), BigDecimal.ONE, money("12.90"), new BigDecimal("0.05"), ROUNDING);
        sale.confirm(NOW);
        assertEquals(money("12.26"), sale.due());
        Payment payment = sale.takeCash("p1", money("12.20"), Optional.empty(), notes("10", 2), List.of(), DENOMINATIONS, CASH, "C001", NOW);
        assertEquals(money("12.26"), payment.applied());
        assertEquals(money("0.06"), payment.rounding());
        assertEquals(money("7.80"), payment.change());
        assertEquals(payment.received().plus(payment.rounding()), payment.applied().plus(payment.change()));
        assertTrue(sale.needsGoodsTaken(), "covered: the goods leave the stock, then the slip is stamped");
    }

    @Test
    void theExactDueIsAcceptedAsStatedToo() {
        Sale sale = open();
        sale.addLine("l1", item("H00001", "12.90"), BigDecimal.ONE, money("12.90"), new BigDecimal("0.05"), ROUNDING);
        sale.confirm(NOW);
        Payment payment = sale.takeCash("p1", money("12.26"), Optional.empty(), notes("20", 1), List.of(), DENOMINATIONS, CASH, "C001", NOW);
        assertEquals(money("7.80"), payment.change());
    }

    @Test
    void amountsMustBeWholeFenForTheInvoice() {
        Sale sale = open();
        SaleRuleException e = assertThrows(SaleRuleException.class,
                () -> sale.addLine("l1", item("H00009", "3.33"), new BigDecimal("1.5"), money("3.33"), BigDecimal.ZERO, ROUNDING));
        assertEquals("inexact-amount", e.slug());
        sale.addLine("l2", item("H00009", "3.30"), new BigDecimal("1.5"), money("3.30"), BigDecimal.ZERO, ROUNDING);
        assertEquals(money("4.95"), sale.total());
    }

    @Test
    void insufficientCashIsRefused() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        assertEquals("insufficient-cash", assertThrows(SaleRuleException.class, () -> sale.takeCash("p1", money("279.00"), Optional.empty(),
                notes("100", 2), List.of(), DENOMINATIONS, CASH, "C001", NOW)).slug());
    }

    @Test
    void unknownDenominationsAreRefused() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        assertEquals("unknown-denomination", assertThrows(SaleRuleException.class, () -> sale.takeCash("p1", money("279.00"), Optional.empty(),
                notes("300", 1), List.of(), DENOMINATIONS, CASH, "C001", NOW)).slug());
    }

    @Test
    void paymentsNeedAConfirmedSale() {
        Sale sale = open();
        sale.addLine("l1", RICE_COOKER, BigDecimal.ONE, RICE_COOKER.listPrice(), BigDecimal.ZERO, ROUNDING);
        assertThrows(SaleStateException.class, () -> sale.takeCash("p1", money("279.00"), Optional.empty(), notes("100", 3), List.of(),
                DENOMINATIONS, CASH, "C001", NOW));
    }

    // --- split tenders, checks -------------------------------------------------------------------------

    @Test
    void tendersSplitAcrossCashAndCardAndOnlyCashExceedsTheDue() {
        Sale sale = confirmedWith(RICE_COOKER, "2");
        sale.takeCash("p1", money("558.00"), Optional.of(money("58.00")), notes("100", 1), List.of(), DENOMINATIONS, CASH, "C001", NOW);
        assertEquals(money("500.00"), sale.due());
        assertEquals("invalid-amount", assertThrows(SaleRuleException.class,
                () -> sale.takeCard("p2", money("600.00"), "A12345", "1234", "R1", "C001", NOW)).slug());
        sale.takeCard("p2", money("500.00"), "A12345", "1234", "R1", "C001", NOW);
        assertTrue(sale.needsGoodsTaken(), "covered: the goods leave the stock, then the slip is stamped");
    }

    @Test
    void aCheckHoldsTheSaleUntilItClears() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        sale.takeCheck("p1", money("279.00"), "00012345", "工商银行", "C001", NOW);
        assertEquals(SaleStatus.AWAITING_CLEARANCE, sale.status());
        assertFalse(sale.isReadyToStampPaid());
        sale.goodsTaken(NOW);
        sale.decideCheck("p1", CheckClearance.Outcome.CLEARED, "M001", NOW);
        assertTrue(sale.isReadyToStampPaid());
        assertEquals("check-decided", assertThrows(CheckDecidedException.class,
                () -> sale.decideCheck("p1", CheckClearance.Outcome.BOUNCED, "M001", NOW)).slug());
    }

    @Test
    void aBouncedCheckIsDueAgain() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        sale.takeCheck("p1", money("279.00"), "00012345", "工商银行", "C001", NOW);
        sale.decideCheck("p1", CheckClearance.Outcome.BOUNCED, "M001", NOW);
        assertEquals(SaleStatus.CONFIRMED, sale.status());
        assertEquals(money("279.00"), sale.due());
        assertTrue(sale.payment("p1").orElseThrow().isBounced());
        sale.takeCash("p2", money("279.00"), Optional.empty(), notes("100", 3), List.of(), DENOMINATIONS, CASH, "C001", NOW);
        sale.goodsTaken(NOW);
        assertTrue(sale.isReadyToStampPaid());
    }

    @Test
    void goodsAreHeldFromTheCheckUntilItClearsOrTheyAreGivenBack() {
        Sale sale = confirmedWith(RICE_COOKER, "2");
        sale.takeCheck("p1", money("558.00"), "00012345", "工商银行", "C001", NOW);
        assertEquals(SaleStatus.AWAITING_CLEARANCE, sale.status());
        assertTrue(sale.needsGoodsTaken(), "tenders cover the total: the goods leave the shelf for this customer");
        sale.goodsTaken(NOW);
        assertFalse(sale.isReadyToStampPaid(), "the check has not cleared");
        assertTrue(sale.holdsGoodsUnpaid());

        sale.decideCheck("p1", CheckClearance.Outcome.BOUNCED, "M001", NOW);
        assertFalse(sale.needsGoodsTaken(), "still held: the customer may pay another way");
        assertThrows(SaleStateException.class, () -> sale.cancel(NOW), "held goods are given back first");
        assertEquals(Map.of("E00002", new BigDecimal("2")), sale.releaseGoods());
        assertFalse(sale.holdsGoodsUnpaid());
        sale.cancel(NOW);
        assertEquals(SaleStatus.CANCELLED, sale.status());
    }

    @Test
    void aCheckDecidedOnceCannotBeDecidedTheOtherWay() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        sale.takeCheck("p1", money("279.00"), "00012345", "工商银行", "C001", NOW);
        sale.decideCheck("p1", CheckClearance.Outcome.BOUNCED, "M001", NOW);
        CheckDecidedException e = assertThrows(CheckDecidedException.class,
                () -> sale.decideCheck("p1", CheckClearance.Outcome.CLEARED, "M001", NOW));
        assertEquals(409, e.status());
        assertEquals("BOUNCED", e.extensions().get("state"));
    }

    @Test
    void aSaleIsStampedPaidOnlyWhenNothingIsDue() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        assertThrows(SaleStateException.class, () -> sale.stampPaid(1, NOW, TODAY));
    }

    // --- pick-up, farewell, cancel -----------------------------------------------------------------

    private static Sale paid() {
        Sale sale = confirmedWith(RICE_COOKER, "2");
        sale.takeCash("p1", money("558.00"), Optional.empty(), notes("100", 6), List.of(), DENOMINATIONS, CASH, "C001", NOW);
        sale.goodsTaken(NOW);
        sale.stampPaid(1, NOW, TODAY);
        return sale;
    }

    @Test
    void theFirstPrintOfThePaidSlipIsTheOriginalAndEveryLaterOneACopy() {
        Sale sale = paid();
        assertTrue(sale.printsOriginal(true, false));
        assertFalse(sale.printsOriginal(false, false), "printed again without asking for a copy: a copy all the same");
        assertFalse(sale.printsOriginal(true, true), "a copy asked for at the first print");
        assertFalse(sale.printsOriginal(false, true));
        assertThrows(SaleStateException.class, () -> confirmedWith(RICE_COOKER, "1").printsOriginal(true, false));
    }

    @Test
    void packingNeedsEveryLineInFull() {
        Sale sale = paid();
        SaleRuleException e = assertThrows(SaleRuleException.class, () -> sale.pack(Map.of("line-1", BigDecimal.ONE), NOW));
        assertEquals("packing-incomplete", e.slug());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> missing = (List<Map<String, Object>>) e.extensions().get("missingLines");
        assertEquals(List.of(Map.of("lineId", "line-1", "sku", "E00002", "name", "电饭煲", "expected", "2", "counted", "1")), missing);
        assertEquals(SaleStatus.PAID, sale.status());
        sale.pack(Map.of("line-1", new BigDecimal("2")), NOW);
        assertEquals(SaleStatus.PACKED, sale.status());
    }

    @Test
    void packingRefusesGoodsThatAreNotOnTheSale() {
        Sale sale = paid();
        SaleRuleException e = assertThrows(SaleRuleException.class,
                () -> sale.pack(Map.of("line-1", new BigDecimal("2"), "line-x", BigDecimal.ONE), NOW));
        assertEquals("packing-incomplete", e.slug());
    }

    @Test
    void completesFromPaidOrPackedOnly() {
        Sale unpaid = confirmedWith(RICE_COOKER, "1");
        assertThrows(SaleStateException.class, () -> unpaid.complete(NOW));
        Sale sale = paid();
        sale.complete(NOW);
        assertEquals(SaleStatus.COMPLETED, sale.status());
        assertThrows(SaleStateException.class, () -> sale.pack(Map.of("line-1", new BigDecimal("2")), NOW));
    }

    @Test
    void cancelsOnlyBeforeTendersCount() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        sale.cancel(NOW);
        assertEquals(SaleStatus.CANCELLED, sale.status());
        Sale partly = confirmedWith(RICE_COOKER, "1");
        partly.takeCash("p1", money("279.00"), Optional.of(money("79.00")), notes("100", 1), List.of(), DENOMINATIONS, CASH, "C001", NOW);
        assertThrows(SaleStateException.class, () -> partly.cancel(NOW));
        assertThrows(SaleStateException.class, () -> partly.voidLine("line-1", "C001", NOW));
    }

    // --- hold and recall -----------------------------------------------------------------------------

    @Test
    void aHeldSaleKeepsItsStateAndRefusesEveryStepUntilRecalled() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        assertTrue(sale.hold(NOW));
        assertTrue(sale.isHeld());
        assertEquals(SaleStatus.CONFIRMED, sale.status());
        assertFalse(sale.hold(NOW.plusSeconds(60)), "holding a held sale changes nothing");
        assertEquals(Optional.of(NOW), sale.heldAt());
        SaleHeldException refused = assertThrows(SaleHeldException.class,
                () -> sale.takeCard("p1", money("279.00"), "A1B2C3", "4242", "POS-1", "C001", NOW));
        assertEquals("sale-held", refused.slug());
        assertThrows(SaleHeldException.class, () -> sale.confirm(NOW));
        assertThrows(SaleHeldException.class, () -> sale.cancel(NOW));
        assertThrows(SaleHeldException.class, () -> sale.requireTenderable(money("1.00")));
        assertTrue(sale.payments().isEmpty());

        assertTrue(sale.recall());
        assertFalse(sale.recall(), "recalling a sale not held changes nothing");
        sale.takeMobile("p2", money("279.00"), "ALIPAY", "SIMALI0001", "C001", NOW);
        assertEquals(money("0.00"), sale.due());
        assertEquals(Tender.MOBILE, sale.payments().get(0).tender());
        assertEquals("SIMALI0001", sale.payments().get(0).transactionId());
    }

    @Test
    void anOpenSaleIsHeldWhileItsLinesAreRefused() {
        Sale sale = open();
        sale.hold(NOW);
        assertThrows(SaleHeldException.class, () -> sale.addLine("line-1", RICE_COOKER, BigDecimal.ONE, RICE_COOKER.listPrice(), BigDecimal.ZERO, ROUNDING));
        sale.recall();
        sale.addLine("line-1", RICE_COOKER, BigDecimal.ONE, RICE_COOKER.listPrice(), BigDecimal.ZERO, ROUNDING);
        assertEquals(money("279.00"), sale.total());
    }

    @Test
    void aSaleWithTendersOrPaidIsNotHeld() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        sale.takeCard("p1", money("100.00"), "A1B2C3", "4242", "POS-1", "C001", NOW);
        assertThrows(SaleStateException.class, () -> sale.hold(NOW));
        assertFalse(sale.isHeld());
    }

    @Test
    void aMobileTenderIsAtMostWhatIsDue() {
        Sale sale = confirmedWith(RICE_COOKER, "1");
        SaleRuleException refused = assertThrows(SaleRuleException.class,
                () -> sale.takeMobile("p1", money("279.01"), "WECHAT", "SIMWX1", "C001", NOW));
        assertEquals("invalid-amount", refused.slug());
        assertTrue(sale.payments().isEmpty());
    }
}
