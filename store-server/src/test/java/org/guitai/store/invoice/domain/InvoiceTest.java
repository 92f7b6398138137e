package org.guitai.store.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.guitai.kernel.contact.PhoneNumber;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final LocalDate SALE_DAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final InvoiceDraft.Buyer BUYER = new InvoiceDraft.Buyer("北京某某科技有限公司", "北京市西城区西单北大街 120 号",
            new PhoneNumber("010-66012345"), Optional.of("91110102MA01ABCD1X"), Optional.of("李明"));

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static InvoiceDraft.Line line(String name, String quantity, String unitPrice, String amount, String vat) {
        return new InvoiceDraft.Line(name, "美的", "MB-FB40S701", "3L", "白色", "台", new BigDecimal(quantity), cny(unitPrice), cny(amount),
                new BigDecimal(vat));
    }

    private static InvoiceDraft draft(LocalDate issuedOn, String total, InvoiceDraft.Line... lines) {
        return new InvoiceDraft("req-1", "sale-1", SALE_DAY, issuedOn, BUYER, List.of(lines), cny(total), "王芳", "王芳");
    }

    @Test
    void issuesWithNetTaxAndTheTotalInWords() {
        Invoice invoice = Invoice.issue(draft(SALE_DAY, "658.00", line("电饭煲", "2", "279.00", "558.00", "0.13"),
                line("大米", "1", "100.00", "100.00", "0.09")), "S001-00000001", 1, RoundingMode.HALF_UP, NOW);
        assertEquals(Invoice.Status.ISSUED, invoice.status());
        assertEquals(cny("658.00"), invoice.total());
        assertEquals(cny("72.45"), invoice.tax(), "64.19 + 8.26");
        assertEquals(cny("585.55"), invoice.net());
        assertEquals("陆佰伍拾捌元整", invoice.totalInWords());
        assertEquals("", invoice.remark());
        assertEquals(2, invoice.lines().size());
        assertEquals(new BigDecimal("64.19"), invoice.lines().get(0).tax());
        assertEquals("010-66012345", invoice.buyerPhone());
    }

    @Test
    void anInvoiceIssuedAfterTheSalesDayIsMarkedLate() {
        Invoice invoice = Invoice.issue(draft(SALE_DAY.plusDays(3), "279.00", line("电饭煲", "1", "279.00", "279.00", "0.13")),
                "S001-00000002", 2, RoundingMode.HALF_UP, NOW);
        assertEquals("补开", invoice.remark());
    }

    @Test
    void refusesLinesWhoseAmountIsNotQuantityTimesUnitPrice() {
        InvoiceRuleException e = assertThrows(InvoiceRuleException.class, () -> Invoice.issue(
                draft(SALE_DAY, "5.00", line("电线", "1.5", "3.33", "5.00", "0.13")), "S001-00000003", 3, RoundingMode.HALF_UP, NOW));
        assertEquals("invoice-inexact", e.slug());
        assertEquals(422, e.status());
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> lines = (List<java.util.Map<String, Object>>) e.extensions().get("inexactLines");
        assertEquals("4.995", lines.get(0).get("quantityTimesUnitPrice"));
    }

    @Test
    void refusesLinesThatDoNotAddUpToTheSale() {
        assertEquals("invoice-total-mismatch", assertThrows(InvoiceRuleException.class, () -> Invoice.issue(
                draft(SALE_DAY, "300.00", line("电饭煲", "1", "279.00", "279.00", "0.13")), "S001-00000004", 4, RoundingMode.HALF_UP, NOW)).slug());
    }

    @Test
    void aVoidIsARecordOfItsOwnAndHappensOnce() {
        Invoice invoice = Invoice.issue(draft(SALE_DAY, "279.00", line("电饭煲", "1", "279.00", "279.00", "0.13")), "S001-00000005", 5,
                RoundingMode.HALF_UP, NOW);
        InvoiceVoid record = invoice.voidWith("抬头错误", "approval-1", "M001", NOW);
        assertEquals(Invoice.Status.VOID, invoice.status());
        assertEquals("抬头错误", record.reason());
        assertEquals("S001-00000005", invoice.number(), "the number stays");
        InvoiceRuleException again = assertThrows(InvoiceRuleException.class, () -> invoice.voidWith("again", "approval-2", "M001", NOW));
        assertEquals(409, again.status());
    }
}
