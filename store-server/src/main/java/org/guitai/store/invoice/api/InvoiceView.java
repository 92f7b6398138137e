package org.guitai.store.invoice.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.guitai.store.invoice.domain.Invoice;
import org.guitai.store.invoice.domain.InvoiceLine;

/**
 * An invoice as the API answers it; every field printed on the fapiao. {@code kind} is NORMAL or RED_LETTER (红字发票: negative
 * quantities and amounts, {@code originalNumber} the invoice it corrects, {@code returnId} the return it was issued for).
 */
public record InvoiceView(String number, String kind, String originalNumber, String returnId, String status, String issuedOn, String issuedAt, String remark, String saleId,
                          String buyerName, String buyerAddress, String buyerPhone, String buyerTaxId, String signature,
                          List<LineView> lines, String net, String tax, String total, String totalInWords, String currency,
                          String issuer, String payee, String voidReason, String voidedAt) {

    @Schema(name = "InvoiceLineView")
    public record LineView(String name, String brand, String model, String spec, String colour, String unit, String quantity,
                           String unitPrice, String amount, String vatRate, String tax, String net) {

        static LineView of(InvoiceLine l) {
            return new LineView(l.name(), l.brand(), l.model(), l.spec(), l.colour(), l.unit(), l.quantity().stripTrailingZeros().toPlainString(),
                    l.unitPrice().toPlainString(), l.amount().toPlainString(), l.vatRate().stripTrailingZeros().toPlainString(),
                    l.tax().toPlainString(), l.net().toPlainString());
        }
    }

    public static InvoiceView of(Invoice i) {
        return new InvoiceView(i.number(), i.kind().name(), i.originalNumber().orElse(null), i.returnId().orElse(null), i.status().name(), i.issuedOn().toString(), i.issuedAt().toString(), i.remark(), i.saleId(),
                i.buyerName(), i.buyerAddress(), i.buyerPhone(), i.buyerTaxId().orElse(null), i.signature().orElse(null),
                i.lines().stream().map(LineView::of).toList(), i.net().toPlainString(), i.tax().toPlainString(), i.total().toPlainString(),
                i.totalInWords(), i.currency().getCurrencyCode(), i.issuer(), i.payee(),
                i.voidRecord().map(v -> v.reason()).orElse(null), i.voidRecord().map(v -> v.voidedAt().toString()).orElse(null));
    }
}
