package org.guitai.store.sale.service;

import static org.guitai.store.platform.html.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import org.guitai.store.platform.barcode.Barcodes;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.html.Html;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleLine;
import org.guitai.store.sale.domain.SlipNumber;
import org.guitai.store.staff.service.StaffDirectory;

/** The printable paid slip: what was sold, how it was paid, the paid stamp and the barcode of the slip code. */
@ApplicationScoped
public class SlipPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String CSS = """
            .slip { max-width: 30rem; position: relative; }
            .stamp { position: absolute; top: 3.5rem; right: .5rem; width: 7rem; height: 7rem; border: 3px solid #c00;
                     border-radius: 50%; color: #c00; display: flex; align-items: center; justify-content: center;
                     text-align: center; font-weight: bold; transform: rotate(-12deg); opacity: .85; }
            h1 { font-size: 1.2rem; margin: 0 0 .3rem; }
            """;

    @Inject
    SaleService sales;

    @Inject
    StaffDirectory staff;

    @Inject
    StoreSettings settings;

    public String slip(Sale sale) {
        SlipNumber slip = sales.slipOf(sale);
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"slip\">");
        body.append("<h1>").append(escape(settings.storeName())).append(" 收款小票</h1>");
        body.append("<p class=\"muted\">小票号 Slip ").append(escape(slip.code())).append("<br>")
                .append("日期 ").append(escape(sale.paidAt().orElseThrow().atZone(settings.zone()).format(TIME)))
                .append(" · 收银员 ").append(escape(staff.fullName(sale.cashierCode())))
                .append(" · 终端 ").append(escape(sale.terminalId())).append("</p>");
        body.append("<div class=\"stamp\">").append(escape(settings.storeName())).append("<br>收款专用章</div>");
        body.append("<table><thead><tr><th>商品</th><th>规格</th><th class=\"num\">数量</th><th class=\"num\">单价</th><th class=\"num\">金额</th></tr></thead><tbody>");
        for (SaleLine line : sale.activeLines()) {
            body.append("<tr><td>").append(escape(line.item().brand() + " " + line.item().name() + " " + line.item().model()))
                    .append("</td><td>").append(escape(line.item().spec() + " " + line.item().colour()))
                    .append("</td><td class=\"num\">").append(escape(line.quantity().stripTrailingZeros().toPlainString() + line.item().unit()))
                    .append("</td><td class=\"num\">").append(escape(line.unitPrice().toPlainString()))
                    .append("</td><td class=\"num\">").append(escape(line.amount().toPlainString())).append("</td></tr>");
        }
        body.append("</tbody><tfoot><tr><th colspan=\"4\" class=\"num\">合计 ¥</th><th class=\"num\">")
                .append(escape(sale.total().toPlainString())).append("</th></tr></tfoot></table>");
        body.append("<p>");
        for (Payment p : sale.payments()) {
            if (p.isBounced()) {
                continue;
            }
            body.append(escape(switch (p.tender()) {
                case CASH -> "现金 收 " + p.received().toPlainString() + " 找 " + p.change().toPlainString();
                case CARD -> "银行卡 ****" + p.last4() + " " + p.applied().toPlainString();
                case CHECK -> "支票 " + p.checkNumber() + " " + p.applied().toPlainString();
            })).append("<br>");
        }
        body.append("</p>");
        body.append("<img class=\"barcode\" alt=\"").append(escape(slip.code())).append("\" src=\"")
                .append(Barcodes.code128DataUri(slip.code())).append("\">");
        body.append("<p class=\"muted\">凭此小票取货 Collect your goods with this slip</p></div>");
        return Html.page("小票 " + slip.code(), CSS, body.toString());
    }
}
