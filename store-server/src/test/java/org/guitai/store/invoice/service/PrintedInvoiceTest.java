package org.guitai.store.invoice.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.guitai.store.invoice.domain.Invoice;
import org.guitai.store.invoice.domain.InvoiceDraft;
import org.guitai.store.platform.print.PrintTemplates;
import org.junit.jupiter.api.Test;

/** The built-in invoice template prints every field of the fapiao, 补开 and 作废 when they apply, every value escaped. */
class PrintedInvoiceTest {

    private static final LocalDate SALE_DAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final PrintTemplates TEMPLATES = new PrintTemplates(Optional.empty());

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static Invoice invoice(LocalDate issuedOn, String buyerName) {
        InvoiceDraft.Buyer buyer = new InvoiceDraft.Buyer(buyerName, "北京市西城区西单北大街 120 号", new PhoneNumber("010-66012345"),
                Optional.of("91110102MA01ABCD1X"), Optional.of("李明"));
        List<InvoiceDraft.Line> lines = List.of(
                new InvoiceDraft.Line("电饭煲", "美的", "MB-FB40S701", "3L", "白色", "台", new BigDecimal("2"), cny("279.00"), cny("558.00"),
                        new BigDecimal("0.13")),
                new InvoiceDraft.Line("大米", "五常", "WC-5", "5kg", "-", "袋", new BigDecimal("1"), cny("100.00"), cny("100.00"),
                        new BigDecimal("0.09")));
        InvoiceDraft draft = new InvoiceDraft("req-1", "sale-1", SALE_DAY, issuedOn, buyer, lines, cny("658.00"), "王芳", "赵强");
        return Invoice.issue(draft, "S001-00000007", 7, RoundingMode.HALF_UP, NOW);
    }

    private static String print(Invoice invoice) {
        return TEMPLATES.render("invoice.ftlh", Map.of("invoice", PrintedInvoice.of(invoice, "柜台 北京西单店", "S001")));
    }

    @Test
    void printsEveryFieldOfTheInvoice() {
        String page = print(invoice(SALE_DAY, "北京某某科技有限公司"));
        for (String shown : List.of("<title>发票 S001-00000007</title>", "<h1>柜台 北京西单店 发票</h1>", "发票号码 <strong>S001-00000007</strong>",
                "开票日期 2026-11-23", "alt=\"S001-00000007\" src=\"data:image/png;base64,", "<td>北京某某科技有限公司</td>",
                "<td>91110102MA01ABCD1X</td>", "<td>北京市西城区西单北大街 120 号 010-66012345</td>",
                "<td>电饭煲</td><td>美的</td><td>MB-FB40S701 3L</td><td>白色</td><td>台</td><td class=\"num\">2</td><td class=\"num\">279.00</td>"
                        + "<td class=\"num\">558.00</td><td class=\"num\">13%</td><td class=\"num\">64.19</td><td class=\"num\">493.81</td>",
                "<td class=\"num\">9%</td><td class=\"num\">8.26</td>",
                "<th class=\"num\">¥658.00</th><th></th><th class=\"num\">¥72.45</th><th class=\"num\">¥585.55</th>",
                "价税合计（大写）陆佰伍拾捌元整 &nbsp; （小写）¥658.00", "<td>柜台 北京西单店 (S001)</td>", "收款人</td><td>赵强</td>",
                "开票人</td><td>王芳</td>", "购买方签字</td><td>李明&nbsp;</td>")) {
            assertTrue(page.contains(shown), shown + " in " + page);
        }
        assertFalse(page.contains("备注") || page.contains("作废"), "issued on the sale's day, not void: " + page);
    }

    @Test
    void marksAnInvoiceIssuedAfterTheSalesDayAndAVoidOne() {
        Invoice late = invoice(SALE_DAY.plusDays(3), "北京某某科技有限公司");
        assertTrue(print(late).contains("<br>备注 <strong>补开</strong>"));
        late.voidWith("抬头错误", "approval-1", "M001", NOW);
        PrintedInvoice voided = PrintedInvoice.of(late, "柜台 北京西单店", "S001");
        assertTrue(voided.voided());
        String page = print(late);
        assertTrue(page.contains("<div class=\"void\">作废</div>"), page);
        assertTrue(page.contains("<p><strong>作废</strong> 2026-11-26T08:00:00Z · 抬头错误</p>"), page);
    }

    @Test
    void printsARedLetterInvoiceWithItsOriginalAndNegativeAmounts() {
        Invoice original = invoice(SALE_DAY, "北京某某科技有限公司");
        Invoice red = original.redLetter("red-1", "return-1", List.of(new org.guitai.store.invoice.domain.RedLetterLine("line-1", "电饭煲", "3L",
                new BigDecimal("1"), cny("279.00"), new BigDecimal("0.13"))), Map.of(), cny("0.00"), SALE_DAY.plusDays(3), "王芳", "赵强",
                "S001-00000008", 8, RoundingMode.HALF_UP, NOW);
        String page = print(red);
        for (String shown : List.of("<title>红字发票 S001-00000008</title>", "<h1>柜台 北京西单店 红字发票</h1>",
                "对应正数发票 <strong>S001-00000007</strong>", "<br>备注 <strong>红字发票，对应正数发票 S001-00000007</strong>",
                "<td class=\"num\">-1</td><td class=\"num\">279.00</td><td class=\"num\">-279.00</td><td class=\"num\">13%</td>"
                        + "<td class=\"num\">-32.10</td><td class=\"num\">-246.90</td>",
                "价税合计（大写）负贰佰柒拾玖元整 &nbsp; （小写）¥-279.00")) {
            assertTrue(page.contains(shown), shown + " in " + page);
        }
        assertFalse(print(original).contains("红字"), "a normal invoice is not red-letter");
    }

    @Test
    void escapesWhatTheBuyerWrote() {
        String page = print(invoice(SALE_DAY, "<script>alert(\"发票\")</script>"));
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("<td>&lt;script&gt;alert(&quot;发票&quot;)&lt;/script&gt;</td>"), page);
    }
}
