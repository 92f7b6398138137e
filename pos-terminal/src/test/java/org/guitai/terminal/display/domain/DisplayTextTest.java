package org.guitai.terminal.display.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayTextTest {

    private static final CustomerView.Item COOKER = new CustomerView.Item("电饭煲 美的 MB-FB40S701", "1", "279.00");
    private static final CustomerView.Item KETTLE = new CustomerView.Item("Kettle", "2", "1598.00");

    @Test
    void anIdleCounterGreetsInTheCashiersLanguage() {
        DisplayText.Shown zh = DisplayText.of(CustomerView.idle(), "zh-CN");
        assertEquals("欢迎光临", zh.title());
        assertEquals(List.of("欢迎光临", "柜台 Guitai"), zh.lineDisplay());
        DisplayText.Shown en = DisplayText.of(CustomerView.idle(), "en");
        assertEquals("Welcome", en.title());
        assertEquals("en", en.language());
        assertEquals("zh-CN", DisplayText.of(CustomerView.idle(), "fr").language(), "an unknown language falls back to Chinese");
    }

    @Test
    void anOrderShowsItsLinesAndTheRunningTotalAndTheLineDisplayTheLastLine() {
        CustomerView order = new CustomerView(DisplayPhase.ORDER, Optional.of("s-1"), List.of(COOKER, KETTLE), Optional.of("1877.00"),
                Optional.empty(), Optional.empty(), Optional.empty());
        DisplayText.Shown shown = DisplayText.of(order, "zh-CN");
        assertEquals(List.of(COOKER, KETTLE), shown.items());
        assertEquals(List.of(new DisplayText.Row("合计", "¥1,877.00")), shown.rows());
        assertEquals("Kettle ×2  ¥1,598.00", shown.lineDisplay().get(0));
        assertEquals("合计       ¥1,877.00", shown.lineDisplay().get(1));
        shown.lineDisplay().forEach(line -> assertEquals(DisplayText.COLUMNS, DisplayText.width(line), line));
    }

    @Test
    void aPaidSaleAnnouncesReceivedAndChange() {
        CustomerView paid = new CustomerView(DisplayPhase.PAID, Optional.of("s-1"), List.of(COOKER), Optional.of("279.00"),
                Optional.of("300.00"), Optional.of("21.00"), Optional.of("收您300.00元，找您21.00元"));
        DisplayText.Shown shown = DisplayText.of(paid, "zh-CN");
        assertEquals("收您300.00元，找您21.00元", shown.title());
        assertEquals(List.of(new DisplayText.Row("合计", "¥279.00"), new DisplayText.Row("收款", "¥300.00"), new DisplayText.Row("找零", "¥21.00")),
                shown.rows());
        assertEquals(List.of("收款         ¥300.00", "找零          ¥21.00"), shown.lineDisplay());
    }

    @Test
    void theThankYouComesAfterTheSale() {
        CustomerView done = new CustomerView(DisplayPhase.THANKS, Optional.of("s-1"), List.of(COOKER), Optional.of("279.00"),
                Optional.of("300.00"), Optional.of("21.00"), Optional.empty());
        assertEquals("Thank you, please come again", DisplayText.of(done, "en").title());
        assertEquals("谢谢惠顾，欢迎再来", DisplayText.of(done, "zh-CN").lineDisplay().get(0));
    }

    @Test
    void longNamesAreCutToTheDisplayCountingChineseCharactersTwice() {
        CustomerView order = new CustomerView(DisplayPhase.ORDER, Optional.of("s-1"), List.of(COOKER), Optional.of("279.00"),
                Optional.empty(), Optional.empty(), Optional.empty());
        String top = DisplayText.of(order, "zh-CN").lineDisplay().get(0);
        assertTrue(top.endsWith(" ¥279.00"), top);
        assertEquals(DisplayText.COLUMNS, DisplayText.width(top), top);
        assertTrue(top.startsWith("电饭煲 美的"), top);
        assertEquals("¥12,345,678,901.00", DisplayText.spread("合计", "¥12,345,678,901.00").strip(), "the value wins over its label");
    }

    @Test
    void aDisplayTakesOnlyAmountsAsTheStoreWritesThem() {
        assertThrows(IllegalArgumentException.class, () -> new CustomerView.Item("Kettle", "1", "12.5e3"));
        assertThrows(IllegalArgumentException.class, () -> new CustomerView.Item("Kettle", "-1", "12.50"));
        assertThrows(IllegalArgumentException.class, () -> new CustomerView.Item(" ", "1", "12.50"));
        assertThrows(IllegalArgumentException.class, () -> new CustomerView(DisplayPhase.IDLE, Optional.of("s-1"), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new CustomerView(DisplayPhase.ORDER, Optional.empty(), List.of(), Optional.of("NaN"),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
