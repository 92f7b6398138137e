package org.guitai.store.delivery.service;

import static org.guitai.store.platform.html.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import org.guitai.store.delivery.domain.Delivery;
import org.guitai.store.platform.barcode.Barcodes;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.html.Html;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleLine;
import org.guitai.store.sale.service.SaleService;

/** The delivery note that travels with the goods: who, where, when, what, and the slip's barcode. */
@ApplicationScoped
public class DeliveryNotes {

    private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    SaleService sales;

    @Inject
    StoreSettings settings;

    public String note(Delivery delivery) {
        Sale sale = sales.get(delivery.saleId());
        String slip = sales.slipOf(sale).code();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(escape(settings.storeName())).append(" 送货单</h1>");
        b.append("<table><tr><td>收货人 Contact</td><td>").append(escape(delivery.contact())).append("</td></tr>")
                .append("<tr><td>电话 Phone</td><td>").append(escape(delivery.phone())).append("</td></tr>")
                .append("<tr><td>地址 Address</td><td>").append(escape(delivery.address())).append("</td></tr>")
                .append("<tr><td>送货时间 Window</td><td>").append(escape(delivery.windowFrom().format(WINDOW))).append(" – ")
                .append(escape(delivery.windowTo().format(WINDOW))).append("</td></tr>")
                .append("<tr><td>状态 Status</td><td>").append(escape(delivery.status())).append("</td></tr>")
                .append("<tr><td>小票 Slip</td><td>").append(escape(slip)).append("</td></tr></table><br>");
        b.append("<table><thead><tr><th>商品</th><th>规格</th><th>颜色</th><th class=\"num\">数量</th></tr></thead><tbody>");
        for (SaleLine line : sale.activeLines()) {
            b.append("<tr><td>").append(escape(line.item().brand() + " " + line.item().name() + " " + line.item().model()))
                    .append("</td><td>").append(escape(line.item().spec())).append("</td><td>").append(escape(line.item().colour()))
                    .append("</td><td class=\"num\">").append(escape(line.quantity().stripTrailingZeros().toPlainString() + line.item().unit()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        b.append("<img class=\"barcode\" alt=\"").append(escape(slip)).append("\" src=\"").append(Barcodes.code128DataUri(slip)).append("\">");
        b.append("<p>收货人签字 Received by: ________________</p>");
        return Html.page("送货单 " + slip, "h1 { font-size: 1.3rem; }", b.toString());
    }
}
