package org.guitai.store.invoice.service;

import static org.guitai.store.platform.html.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guitai.store.invoice.domain.Invoice;
import org.guitai.store.invoice.domain.InvoiceLine;
import org.guitai.store.platform.barcode.Barcodes;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.html.Html;
import org.guitai.store.sale.domain.Pricing;

/** The printable invoice: every field of the fapiao, a barcode of its number, 作废 across a void one. */
@ApplicationScoped
public class InvoicePages {

    private static final String CSS = """
            .invoice { max-width: 60rem; position: relative; }
            h1 { text-align: center; font-size: 1.4rem; letter-spacing: .2rem; margin: 0 0 .5rem; }
            .head { display: flex; justify-content: space-between; align-items: flex-end; }
            .void { position: absolute; top: 30%; left: 25%; font-size: 7rem; color: rgba(200, 0, 0, .35);
                    transform: rotate(-20deg); border: .5rem solid rgba(200, 0, 0, .35); padding: 0 1.5rem; }
            .words { font-weight: bold; }
            td.label { width: 8rem; background: #f3f3f3; }
            """;

    @Inject
    StoreSettings settings;

    public String print(Invoice invoice) {
        StringBuilder b = new StringBuilder("<div class=\"invoice\">");
        if (invoice.status() == Invoice.Status.VOID) {
            b.append("<div class=\"void\">作废</div>");
        }
        b.append("<h1>").append(escape(settings.storeName())).append(" 发票</h1>");
        b.append("<div class=\"head\"><div>发票号码 <strong>").append(escape(invoice.number())).append("</strong><br>开票日期 ")
                .append(escape(invoice.issuedOn())).append(invoice.remark().isEmpty() ? "" : "<br>备注 <strong>" + escape(invoice.remark()) + "</strong>")
                .append("</div><img class=\"barcode\" alt=\"").append(escape(invoice.number())).append("\" src=\"")
                .append(Barcodes.code128DataUri(invoice.number())).append("\"></div>");
        b.append("<table><tr><td class=\"label\">购买方 名称</td><td>").append(escape(invoice.buyerName())).append("</td></tr>")
                .append("<tr><td class=\"label\">纳税人识别号</td><td>").append(escape(invoice.buyerTaxId().orElse(""))).append("</td></tr>")
                .append("<tr><td class=\"label\">地址、电话</td><td>").append(escape(invoice.buyerAddress() + " " + invoice.buyerPhone()))
                .append("</td></tr></table><br>");
        b.append("<table><thead><tr><th>货物名称</th><th>品牌</th><th>规格型号</th><th>颜色</th><th>单位</th><th class=\"num\">数量</th>")
                .append("<th class=\"num\">单价</th><th class=\"num\">金额</th><th class=\"num\">税率</th><th class=\"num\">税额</th><th class=\"num\">不含税金额</th></tr></thead><tbody>");
        for (InvoiceLine line : invoice.lines()) {
            b.append("<tr><td>").append(escape(line.name())).append("</td><td>").append(escape(line.brand()))
                    .append("</td><td>").append(escape(line.model() + " " + line.spec())).append("</td><td>").append(escape(line.colour()))
                    .append("</td><td>").append(escape(line.unit()))
                    .append("</td><td class=\"num\">").append(escape(line.quantity().stripTrailingZeros().toPlainString()))
                    .append("</td><td class=\"num\">").append(escape(line.unitPrice().toPlainString()))
                    .append("</td><td class=\"num\">").append(escape(line.amount().toPlainString()))
                    .append("</td><td class=\"num\">").append(escape(Pricing.percent(line.vatRate()).toPlainString())).append("%")
                    .append("</td><td class=\"num\">").append(escape(line.tax().toPlainString()))
                    .append("</td><td class=\"num\">").append(escape(line.net().toPlainString())).append("</td></tr>");
        }
        b.append("</tbody><tfoot><tr><th colspan=\"7\" class=\"num\">合计</th><th class=\"num\">¥").append(escape(invoice.total().toPlainString()))
                .append("</th><th></th><th class=\"num\">¥").append(escape(invoice.tax().toPlainString()))
                .append("</th><th class=\"num\">¥").append(escape(invoice.net().toPlainString())).append("</th></tr></tfoot></table>");
        b.append("<p class=\"words\">价税合计（大写）").append(escape(invoice.totalInWords()))
                .append(" &nbsp; （小写）¥").append(escape(invoice.total().toPlainString())).append("</p>");
        b.append("<table><tr><td class=\"label\">销售方</td><td>").append(escape(settings.storeName())).append(" (").append(escape(settings.storeId()))
                .append(")</td></tr><tr><td class=\"label\">收款人</td><td>").append(escape(invoice.payee()))
                .append("</td></tr><tr><td class=\"label\">开票人</td><td>").append(escape(invoice.issuer()))
                .append("</td></tr><tr><td class=\"label\">购买方签字</td><td>").append(escape(invoice.signature().orElse("")))
                .append("&nbsp;</td></tr></table>");
        invoice.voidRecord().ifPresent(v -> b.append("<p><strong>作废</strong> ").append(escape(v.voidedAt())).append(" · ")
                .append(escape(v.reason())).append("</p>"));
        b.append("</div>");
        return Html.page("发票 " + invoice.number(), CSS, b.toString());
    }
}
