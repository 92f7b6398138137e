package org.guitai.store.invoice.service;

import java.util.List;
import org.guitai.store.invoice.domain.Invoice;
import org.guitai.store.invoice.domain.InvoiceLine;
import org.guitai.store.invoice.domain.InvoiceVoid;
import org.guitai.store.platform.barcode.Barcodes;
import org.guitai.store.sale.domain.Pricing;

/**
 * What the printable invoice shows ({@code invoice.ftlh}), every value text ready to print: amounts as
 * plain decimals, 价税合计 in uppercase, empty text for what the buyer did not give.
 *
 * @param seller the store's name, {@code storeId} its id
 * @param remark 补开 for an invoice issued after the sale's day, else empty
 * @param barcode the invoice number as a Code 128 PNG data URI
 * @param voided whether the invoice is 作废; {@code voidedAt} and {@code voidReason} are empty otherwise
 * @param redLetter whether it is a red-letter invoice (红字发票, negative amounts); {@code originalNumber} is the invoice it
 *        corrects, empty otherwise
 */
public record PrintedInvoice(String seller, String storeId, String number, boolean redLetter, String originalNumber, String issuedOn, String remark, String barcode, String buyerName,
        String buyerTaxId, String buyerAddress, String buyerPhone, String signature, List<Line> lines, String total, String tax, String net,
        String totalInWords, String payee, String issuer, boolean voided, String voidedAt, String voidReason) {

    /** A line of goods: the amount is quantity × unit price; tax is taken out of it, leaving net. */
    public record Line(String name, String brand, String model, String spec, String colour, String unit, String quantity, String unitPrice,
            String amount, String vatPercent, String tax, String net) {

        static Line of(InvoiceLine line) {
            return new Line(line.name(), line.brand(), line.model(), line.spec(), line.colour(), line.unit(),
                    line.quantity().stripTrailingZeros().toPlainString(), line.unitPrice().toPlainString(), line.amount().toPlainString(),
                    Pricing.percent(line.vatRate()).toPlainString(), line.tax().toPlainString(), line.net().toPlainString());
        }
    }

    static PrintedInvoice of(Invoice invoice, String seller, String storeId) {
        boolean voided = invoice.status() == Invoice.Status.VOID;
        return new PrintedInvoice(seller, storeId, invoice.number(), invoice.kind() == Invoice.Kind.RED_LETTER,
                invoice.originalNumber().orElse(""), invoice.issuedOn().toString(), invoice.remark(),
                Barcodes.code128DataUri(invoice.number()), invoice.buyerName(), invoice.buyerTaxId().orElse(""), invoice.buyerAddress(),
                invoice.buyerPhone(), invoice.signature().orElse(""), invoice.lines().stream().map(Line::of).toList(),
                invoice.total().toPlainString(), invoice.tax().toPlainString(), invoice.net().toPlainString(), invoice.totalInWords(),
                invoice.payee(), invoice.issuer(), voided, invoice.voidRecord().map(v -> v.voidedAt().toString()).orElse(""),
                invoice.voidRecord().map(InvoiceVoid::reason).orElse(""));
    }
}
