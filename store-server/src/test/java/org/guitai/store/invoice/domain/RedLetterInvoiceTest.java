package org.guitai.store.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.kernel.contact.PhoneNumber;
import org.guitai.kernel.money.Money;
import org.guitai.store.sale.domain.SoldItem;
import org.junit.jupiter.api.Test;

/** 红字发票: negative amounts split like the original, 负 in uppercase, the original cited and never taken back twice. */
class RedLetterInvoiceTest {

    private static final LocalDate SALE_DAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate RETURN_DAY = LocalDate.of(2026, 11, 25);
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final InvoiceDraft.Buyer BUYER = new InvoiceDraft.Buyer("北京某某科技有限公司", "北京市西城区西单北大街 120 号",
            new PhoneNumber("010-66012345"), Optional.of("91110102MA01ABCD1X"), Optional.of("李明"));
    private static final Map<String, SoldItem> ITEMS = Map.of(
            "line-1", new SoldItem("SKU-1", "6901234567892", "电饭煲", "美的", "MB-FB40S701", "3L", "白色", "台", cny("279.00"),
                    new BigDecimal("0.13")),
            "line-2", new SoldItem("SKU-2", "6901234567893", "大米", "五常", "WC-5", "5kg", "-", "袋", cny("100.00"), new BigDecimal("0.09")));

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static Invoice original() {
        return Invoice.issue(new InvoiceDraft("req-1", "sale-1", SALE_DAY, SALE_DAY, BUYER, List.of(
                new InvoiceDraft.Line("电饭煲", "美的", "MB-FB40S701", "3L", "白色", "台", new BigDecimal("2"), cny("279.00"), cny("558.00"),
                        new BigDecimal("0.13")),
                new InvoiceDraft.Line("大米", "五常", "WC-5", "5kg", "-", "袋", new BigDecimal("3"), cny("100.00"), cny("300.00"),
                        new BigDecimal("0.09"))), cny("858.00"), "王芳", "王芳"), "S001-00000001", 1, RoundingMode.HALF_UP, NOW);
    }

    private static RedLetterLine cooker(String quantity, String amount) {
        return new RedLetterLine("line-1", "电饭煲", "3L", new BigDecimal(quantity), cny(amount), new BigDecimal("0.13"));
    }

    private static RedLetterLine rice(String quantity, String amount) {
        return new RedLetterLine("line-2", "大米", "5kg", new BigDecimal(quantity), cny(amount), new BigDecimal("0.09"));
    }

    private static Invoice redLetter(Invoice original, Money already, RedLetterLine... lines) {
        return original.redLetter("red-1", "return-1", List.of(lines), ITEMS, already, RETURN_DAY, "赵强", "赵强", "S001-00000002", 2,
                RoundingMode.HALF_UP, NOW);
    }

    @Test
    void writesTheReturnedGoodsNegativeWithTheTaxSplitAsTheOriginalSplitsIt() {
        Invoice original = original();
        Invoice red = redLetter(original, cny("0.00"), cooker("1", "279.00"), rice("1", "100.00"));
        assertEquals(Invoice.Kind.RED_LETTER, red.kind());
        assertEquals(Invoice.Kind.NORMAL, original.kind());
        assertEquals(Optional.of("S001-00000001"), red.originalNumber());
        assertEquals(Optional.of("return-1"), red.returnId());
        assertEquals("S001-00000002", red.number());
        assertEquals(2, red.seq());
        assertEquals(cny("-379.00"), red.total());
        // 279.00 at 13%: tax 32.10, net 246.90; 100.00 at 9%: tax 8.26, net 91.74 — the same fen as a normal invoice
        assertEquals(cny("-40.36"), red.tax());
        assertEquals(cny("-338.64"), red.net());
        InvoiceLine first = red.lines().get(0);
        assertEquals(0, new BigDecimal("-1").compareTo(first.quantity()));
        assertEquals(new BigDecimal("279.00"), first.unitPrice(), "the unit price stays positive");
        assertEquals(new BigDecimal("-279.00"), first.amount());
        assertEquals(new BigDecimal("-32.10"), first.tax());
        assertEquals(new BigDecimal("-246.90"), first.net());
        assertEquals(Optional.of("line-1"), first.saleLineId());
        assertEquals("美的", first.brand());
        assertEquals("台", first.unit());
        assertEquals(new BigDecimal("-8.26"), red.lines().get(1).tax());
        assertEquals(new BigDecimal("-91.74"), red.lines().get(1).net());
        assertEquals("负叁佰柒拾玖元整", red.totalInWords());
        assertEquals("红字发票，对应正数发票 S001-00000001", red.remark());
        assertEquals(RETURN_DAY, red.issuedOn());
        assertEquals("sale-1", red.saleId());
        assertEquals("北京某某科技有限公司", red.buyerName());
        assertEquals(Invoice.Status.ISSUED, original.status(), "the original is not altered");
        assertEquals(cny("858.00"), original.total());
    }

    @Test
    void aProRataRefundKeepsItsAmountToTheFenAndRoundsOnlyTheShownUnitPrice() {
        // three bags at 100.00 under a 10 % order discount spread as 270.01 / 3 units: the amount is what was refunded
        Invoice red = redLetter(original(), cny("0.00"), rice("3", "270.01"));
        assertEquals(cny("-270.01"), red.total());
        assertEquals(new BigDecimal("90.00"), red.lines().get(0).unitPrice());
        assertEquals(new BigDecimal("-270.01"), red.lines().get(0).amount());
        assertEquals(cny("-22.29"), red.tax(), "270.01 - 270.01 / 1.09 = 270.01 - 247.72");
        assertEquals(cny("-247.72"), red.net());
        assertEquals("负贰佰柒拾元零壹分", red.totalInWords());
    }

    @Test
    void neverTakesBackMoreThanTheOriginalHasLeft() {
        Invoice original = original();
        redLetter(original, cny("0.00"), cooker("2", "558.00"), rice("3", "300.00"));
        InvoiceRuleException e = assertThrows(InvoiceRuleException.class, () -> redLetter(original, cny("800.00"), rice("1", "100.00")));
        assertEquals("red-letter-exceeds-original", e.slug());
        assertEquals(409, e.status());
        assertEquals("58.00", e.extensions().get("left"));
        assertEquals(cny("-58.00"), redLetter(original, cny("800.00"), cooker("1", "58.00")).total(), "exactly what is left is fine");
    }

    @Test
    void refusesAVoidOriginalAndARedLetterOriginal() {
        Invoice voided = original();
        voided.voidWith("抬头错误", "approval-1", "M001", NOW);
        InvoiceRuleException e = assertThrows(InvoiceRuleException.class, () -> redLetter(voided, cny("0.00"), cooker("1", "279.00")));
        assertEquals("invoice-void", e.slug());
        assertEquals(409, e.status());
        Invoice red = redLetter(original(), cny("0.00"), cooker("1", "279.00"));
        InvoiceRuleException again = assertThrows(InvoiceRuleException.class, () -> redLetter(red, cny("0.00"), cooker("1", "279.00")));
        assertEquals("invoice-is-red-letter", again.slug());
        assertEquals(409, again.status());
    }

    @Test
    void refusesAReturnThatRefundsNothing() {
        assertEquals("invoice-empty", assertThrows(InvoiceRuleException.class,
                () -> redLetter(original(), cny("0.00"), cooker("1", "0.00"))).slug());
    }

    @Test
    void anOriginalCitedByARedLetterInvoiceIsNotVoided() {
        Invoice original = original();
        Invoice red = redLetter(original, cny("0.00"), cooker("1", "279.00"));
        InvoiceRuleException e = assertThrows(InvoiceRuleException.class, () -> original.requireNotRedLettered(List.of(red)));
        assertEquals("invoice-red-lettered", e.slug());
        assertEquals(409, e.status());
        red.voidWith("开错", "approval-2", "M001", NOW);
        original.requireNotRedLettered(List.of(red));
        assertTrue(original.status() == Invoice.Status.ISSUED);
    }

    @Test
    void aReturnedLineIsPositiveAsGiven() {
        assertThrows(IllegalArgumentException.class, () -> cooker("-1", "279.00"));
        assertThrows(IllegalArgumentException.class, () -> cooker("1", "-279.00"));
        assertThrows(IllegalArgumentException.class, () -> cooker("0", "279.00"));
    }
}
