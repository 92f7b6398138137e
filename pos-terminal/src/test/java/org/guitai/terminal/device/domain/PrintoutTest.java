package org.guitai.terminal.device.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store's printable slip page as receipt text: rows on lines, the barcode's code, the copy mark. */
class PrintoutTest {

    private static final String SLIP = """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>小票 S001-00000042</title>
            <style>body { margin: 1rem; }</style></head><body>
            <div class="slip">
            <h1>桂台一店 收款小票</h1>
            <p class="muted">小票号 Slip S001-00000042<br>日期 2026-12-06 10:00 · 收银员 王芳 · 终端 T1</p>
            <div class="stamp">桂台一店<br>收款专用章</div>
            <table><thead><tr><th>商品</th><th>规格</th><th class="num">数量</th></tr></thead>
            <tbody><tr><td>电饭煲 美的 &amp; 配件</td><td>3L</td><td class="num">2</td></tr></tbody></table>
            <img class="barcode" alt="S001-00000042" src="data:image/png;base64,AAAA">
            </div>
            <p class="no-print"><button onclick="window.print()">打印 Print</button></p>
            </body></html>""";

    @Test
    void theSlipPageBecomesLinesOfTextWithItsBarcodesCode() {
        Printout printout = Printout.ofPage(SLIP, false);
        assertEquals("小票 S001-00000042", printout.title());
        assertEquals(Optional.of("S001-00000042"), printout.barcode());
        assertFalse(printout.copy());
        String text = printout.paperText();
        assertTrue(text.startsWith("桂台一店 收款小票\n小票号 Slip S001-00000042\n日期 2026-12-06 10:00 · 收银员 王芳 · 终端 T1\n"), text);
        assertTrue(text.contains("电饭煲 美的 & 配件  3L  2\n"), text);
        assertFalse(text.contains("Print") || text.contains("margin"), text);
    }

    @Test
    void aPageTheStoreMarked副本IsACopyAndIsNotMarkedTwice() {
        Printout copy = Printout.ofPage(SLIP.replace("<div class=\"slip\">", "<div class=\"slip\"><p class=\"copy-mark\">副本 COPY</p>"), false);
        assertTrue(copy.copy());
        assertTrue(copy.paperText().startsWith("副本 COPY\n"), copy.paperText());
        Printout asked = Printout.ofPage(SLIP, true);
        assertTrue(asked.paperText().startsWith("*** 副本 COPY ***\n"), asked.paperText());
    }
}
