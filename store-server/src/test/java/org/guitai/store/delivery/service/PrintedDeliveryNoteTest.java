package org.guitai.store.delivery.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.kernel.contact.PhoneNumber;
import org.guitai.kernel.money.Money;
import org.guitai.store.delivery.domain.Delivery;
import org.guitai.store.platform.print.PrintTemplates;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SoldItem;
import org.junit.jupiter.api.Test;

/** The built-in delivery note says who, where, when and what, with the slip's barcode, every value escaped. */
class PrintedDeliveryNoteTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final LocalDateTime TOMORROW_TEN = LocalDateTime.of(2026, 11, 24, 10, 0);

    private static String note(String contact, String address) {
        Sale sale = Sale.open("sale-1", "T1", "shift-1", "C001", null, null, CNY, LocalDate.of(2026, 11, 23), NOW);
        SoldItem fridge = new SoldItem("E00101", "6901234567892", "冰箱", "海尔", "BCD-470", "470L", "银色", "台", Money.of("3999.00", CNY),
                new BigDecimal("0.13"));
        sale.addLine("line-1", fridge, BigDecimal.ONE, fridge.listPrice(), BigDecimal.ZERO, RoundingMode.HALF_UP);
        Delivery delivery = new Delivery("delivery-1", "sale-1", contact, new PhoneNumber("13800138000"), address, TOMORROW_TEN,
                TOMORROW_TEN.plusHours(2), TOMORROW_TEN.minusDays(1), "C001", NOW);
        PrintedDeliveryNote note = PrintedDeliveryNote.of(delivery, sale.activeLines(), "S001-00000042", "柜台 北京西单店");
        assertEquals(List.of(new PrintedDeliveryNote.Line("海尔 冰箱 BCD-470", "470L", "银色", "1台")), note.lines());
        return new PrintTemplates(Optional.empty()).render("delivery-note.ftlh", Map.of("note", note));
    }

    @Test
    void saysWhoWhereWhenAndWhat() {
        String page = note("李明", "北京市西城区西单北大街 120 号");
        for (String shown : List.of("<title>送货单 S001-00000042</title>", "<h1>柜台 北京西单店 送货单</h1>", "收货人 Contact</td><td>李明</td>",
                "电话 Phone</td><td>13800138000</td>", "地址 Address</td><td>北京市西城区西单北大街 120 号</td>",
                "送货时间 Window</td><td>2026-11-24 10:00 – 2026-11-24 12:00</td>", "状态 Status</td><td>REQUESTED</td>",
                "小票 Slip</td><td>S001-00000042</td>",
                "<td>海尔 冰箱 BCD-470</td><td>470L</td><td>银色</td><td class=\"num\">1台</td>",
                "alt=\"S001-00000042\" src=\"data:image/png;base64,", "收货人签字")) {
            assertTrue(page.contains(shown), shown + " in " + page);
        }
    }

    @Test
    void escapesWhatTheCustomerGave() {
        String page = note("<script>alert(1)</script>", "3 号楼 \"东门\" & 后院");
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), page);
        assertTrue(page.contains("<td>3 号楼 &quot;东门&quot; &amp; 后院</td>"), page);
    }
}
