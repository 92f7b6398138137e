package org.guitai.store.sale.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.guitai.kernel.money.CashRounding;
import org.guitai.kernel.money.Money;
import org.guitai.store.platform.print.PrintTemplates;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SoldItem;
import org.junit.jupiter.api.Test;

/** The built-in slip template shows a paid sale as the counter prints it, every value escaped. */
class PrintedSlipTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final PrintTemplates TEMPLATES = new PrintTemplates(Optional.empty());

    private static Sale paidSale() {
        Sale sale = Sale.open("sale-1", "T1", "shift-1", "C001", null, null, CNY, LocalDate.of(2026, 11, 23), NOW);
        SoldItem riceCooker = new SoldItem("E00002", "6910384000029", "电饭煲", "美的", "MB-FB40S701", "3L", "白色", "台",
                Money.of("279.00", CNY), new BigDecimal("0.13"));
        sale.addLine("line-1", riceCooker, new BigDecimal("2"), riceCooker.listPrice(), BigDecimal.ZERO, RoundingMode.HALF_UP);
        sale.confirm(NOW);
        sale.takeCash("p1", Money.of("558.00", CNY), Optional.empty(), List.of(new NoteCount(new BigDecimal("100"), 6)), List.of(),
                List.of("100", "50", "20", "10", "5", "1", "0.5", "0.1").stream().map(BigDecimal::new).toList(), new CashRounding(new BigDecimal("0.1"), RoundingMode.DOWN),
                "C001", NOW);
        sale.goodsTaken(NOW);
        sale.stampPaid(42, NOW, LocalDate.of(2026, 11, 23));
        return sale;
    }

    private static String render(PrintedSlip slip) {
        return TEMPLATES.render("slip.ftlh", Map.of("slip", slip));
    }

    @Test
    void showsWhatWasSoldHowItWasPaidTheStampAndTheBarcode() {
        PrintedSlip slip = PrintedSlip.of(paidSale(), "S001-00000042", "柜台 北京西单店", ZoneId.of("Asia/Shanghai"), "张伟");
        assertEquals("2026-11-23 16:00:00", slip.paidAt(), "in the store's time");
        assertEquals(List.of(new PrintedSlip.Line("美的 电饭煲 MB-FB40S701", "3L 白色", "2台", "279.00", "558.00")), slip.lines());
        assertEquals(List.of("现金 收 600.00 找 42.00"), slip.payments());

        String page = render(slip);
        for (String shown : List.of("<title>小票 S001-00000042</title>", "<h1>柜台 北京西单店 收款小票</h1>", "小票号 Slip S001-00000042",
                "日期 2026-11-23 16:00:00 · 收银员 张伟 · 终端 T1", "柜台 北京西单店<br>收款专用章",
                "<td>美的 电饭煲 MB-FB40S701</td><td>3L 白色</td><td class=\"num\">2台</td><td class=\"num\">279.00</td><td class=\"num\">558.00</td>",
                "合计 ¥</th><th class=\"num\">558.00", "现金 收 600.00 找 42.00<br>", "alt=\"S001-00000042\" src=\"data:image/png;base64,",
                "凭此小票取货")) {
            assertTrue(page.contains(shown), shown + " in " + page);
        }
        assertFalse(page.contains("副本") || page.contains("COPY"), "the first print is the original: " + page);
    }

    @Test
    void aCopyIsMarkedAsOneForAllToSee() {
        PrintedSlip copy = PrintedSlip.of(paidSale(), "S001-00000042", "柜台 北京西单店", ZoneId.of("Asia/Shanghai"), "张伟", true);
        String page = render(copy);
        assertTrue(page.contains("<title>小票 S001-00000042 副本</title>"), page);
        assertTrue(page.contains("<p class=\"copy-mark\">副本 COPY</p>"), page);
        assertTrue(page.contains("现金 收 600.00 找 42.00<br>") && page.contains("收款专用章"), "otherwise the same slip: " + page);
        assertFalse(page.contains("凭此小票取货"), "goods are collected with the original: " + page);
    }

    @Test
    void aMobilePaymentShowsItsChannelAndTheProvidersTransactionId() {
        Sale sale = Sale.open("sale-2", "T1", "shift-1", "C001", null, null, CNY, LocalDate.of(2026, 11, 23), NOW);
        SoldItem riceCooker = new SoldItem("E00002", "6910384000029", "电饭煲", "美的", "MB-FB40S701", "3L", "白色", "台",
                Money.of("279.00", CNY), new BigDecimal("0.13"));
        sale.addLine("line-1", riceCooker, BigDecimal.ONE, riceCooker.listPrice(), BigDecimal.ZERO, RoundingMode.HALF_UP);
        sale.confirm(NOW);
        sale.takeMobile("p1", Money.of("279.00", CNY), "WECHAT", "SIMWX0123456789ABCDEF0123", "C001", NOW);
        assertEquals("微信支付 279.00 交易号 SIMWX0123456789ABCDEF0123", PrintedSlip.payment(sale.payments().get(0)));
    }

    @Test
    void escapesEveryValue() {
        PrintedSlip slip = new PrintedSlip("<script>alert('店')</script>", "S001-00000042", "2026-11-23 16:00:00", "Tom & \"Jerry\"", "T1",
                List.of(new PrintedSlip.Line("<img src=x onerror=alert(1)>", "3L", "1台", "1.00", "1.00")), "1.00", List.of("现金 <b>收</b>"),
                "data:image/png;base64,AAAA", false);
        String page = render(slip);
        assertFalse(page.contains("<script>") || page.contains("<img src=x") || page.contains("<b>收"), page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;店&#39;)&lt;/script&gt; 收款小票"), page);
        assertTrue(page.contains("收银员 Tom &amp; &quot;Jerry&quot;"), page);
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;") && page.contains("现金 &lt;b&gt;收&lt;/b&gt;"), page);
    }
}
