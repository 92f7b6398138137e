package org.guitai.store.returns.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.kernel.money.Money;
import org.guitai.store.platform.print.PrintTemplates;
import org.guitai.store.returns.domain.Disposition;
import org.guitai.store.returns.domain.Refund;
import org.guitai.store.returns.domain.RefundTender;
import org.guitai.store.returns.domain.ReturnLine;
import org.guitai.store.returns.domain.ReturnReason;
import org.guitai.store.returns.domain.SaleReturn;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SoldItem;
import org.junit.jupiter.api.Test;

/** The return slip shows what came back and where each refund went, only the refunds that stand, every value escaped. */
class PrintedReturnSlipTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final Map<String, String> NAMES = Map.of("C001", "王芳", "M001", "张伟", "C002", "李<娜>");

    private static Money cny(String amount) {
        return Money.of(amount, CNY);
    }

    /** The sale the goods came from: the slip shows each line's unit from it. */
    private static Sale sale() {
        Sale sale = Sale.open("s1", "T1", "shift-1", "C001", null, null, CNY, LocalDate.of(2026, 12, 7), T0);
        SoldItem riceCooker = new SoldItem("E00002", "6910384000029", "电饭煲", "美的", "MB-FB40S701", "3L", "白色", "台",
                cny("279.00"), new BigDecimal("0.13"));
        sale.addLine("l1", riceCooker, new BigDecimal("2"), riceCooker.listPrice(), BigDecimal.ZERO, RoundingMode.HALF_UP);
        return sale;
    }

    private static SaleReturn received(ReturnReason reason, Optional<String> responsible) {
        SaleReturn r = SaleReturn.request("r1", 7, "s1", reason, responsible, "T2", "C001", CNY,
                List.of(new ReturnLine.Draft("l1", "E00002", "6910384000029", "美的 电饭煲", "3L 白色", new BigDecimal("2"), cny("279.00"), cny("558.00"))),
                total -> 1, T0, LocalDate.parse("2026-12-07"));
        r.approve("a1", "M001", T0);
        r.receive(Map.of("l1", new SaleReturn.Inspection(new BigDecimal("2"), Disposition.WRITE_OFF)), T0);
        return r;
    }

    private static PrintedReturnSlip slip(SaleReturn r, boolean copy) {
        return PrintedReturnSlip.of(r, sale(), "S001-00000042", "柜台 北京西单店", ZoneId.of("Asia/Shanghai"), NAMES::get,
                saleId -> saleId.equals("new-2") ? Optional.of("S001-00000044") : Optional.empty(), copy);
    }

    @Test
    void anExchangesCreditGivenBackIsLeftOutAndACashRefundShowsThePiecesPaidOut() {
        SaleReturn r = received(ReturnReason.QUALITY, Optional.empty());
        Refund firstCredit = r.refund(new Refund.Draft("f1", RefundTender.EXCHANGE, cny("100.00"), "p1", null, null, "new-1", List.of(), "C001", "T2", T0),
                true);
        r.reverseExchange(firstCredit, "f1-back", "C001", "T2", T0);
        r.refund(new Refund.Draft("f2", RefundTender.EXCHANGE, cny("99.95"), "p1", null, null, "new-2", List.of(), "C001", "T2", T0), true);
        r.refund(new Refund.Draft("f3", RefundTender.CASH, cny("458.05"), "p1", null, "shift-1", null,
                List.of(new NoteCount(new BigDecimal("100"), 4), new NoteCount(new BigDecimal("50"), 1), new NoteCount(new BigDecimal("5"), 1),
                        new NoteCount(new BigDecimal("1"), 3)), "C001", "T2", T0.plusSeconds(60)));

        PrintedReturnSlip slip = slip(r, false);
        assertEquals(List.of("换货抵扣 99.95 → 新小票 S001-00000044", "现金 退 458.05 实付 458.00 (抹零)"), slip.refunds(),
                "the credit the cancelled new sale gave back is not on the slip");
        assertEquals("R000007", slip.number());
        assertEquals("2026-12-07 10:01:00", slip.at(), "the last refund, in the store's time");
        assertEquals(List.of(new PrintedReturnSlip.Line("美的 电饭煲", "3L 白色", "2台", "279.00", "558.00", "报损 written off")), slip.lines());
        assertEquals(List.of("张伟"), slip.approvedBy());

        String page = new PrintTemplates(Optional.empty()).render("return-slip.ftlh", Map.of("slip", slip));
        for (String shown : List.of("<title>退货单 R000007</title>", "<h1>柜台 北京西单店 退货单 Return slip</h1>",
                "退货单号 Return R000007 · 原小票 Slip S001-00000042", "经办 王芳 · 终端 T2", "质量问题", "审批 Approved by: 张伟",
                "退款合计 ¥</th><th class=\"num\">558.00", "alt=\"R000007\" src=\"data:image/png;base64,", "顾客签名")) {
            assertTrue(page.contains(shown), () -> shown + " in " + page);
        }
        assertFalse(page.contains("副本"), "the original");
    }

    @Test
    void aPartlyRefundedReturnSaysWhatIsStillDueAndACopySaysSo() {
        SaleReturn r = received(ReturnReason.STAFF_ERROR, Optional.of("C002"));
        r.refund(new Refund.Draft("f1", RefundTender.CARD, cny("300.00"), "p2", "REV-1", null, null, List.of(), "C001", "T2", T0));
        PrintedReturnSlip partly = slip(r, true);
        assertEquals("258.00", partly.due());
        assertEquals("员工差错 Staff error · 责任人 李<娜>", partly.reason());
        String page = new PrintTemplates(Optional.empty()).render("return-slip.ftlh", Map.of("slip", partly));
        assertTrue(page.contains("尚待退款 Still to refund ¥ 258.00"), page);
        assertTrue(page.contains("责任人 李&lt;娜&gt;"), "escaped: " + page);
        assertTrue(page.contains("银行卡 冲正 300.00 参考号 REV-1"), page);
        assertTrue(page.contains("副本 COPY") && !page.contains("顾客签名"), "a copy, not for signing: " + page);

        r.refund(new Refund.Draft("f2", RefundTender.CARD, cny("258.00"), "p2", "REV-2", null, null, List.of(), "C001", "T2", T0));
        assertNull(slip(r, false).due(), "nothing due once refunded");
    }
}
