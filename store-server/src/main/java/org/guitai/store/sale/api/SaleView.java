package org.guitai.store.sale.api;

import java.math.RoundingMode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.Pricing;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleLine;
import org.guitai.store.sale.domain.SoldItem;

/**
 * The sale as every endpoint answers it, also the read-back of confirm: items, list and actual unit
 * prices, the offers (discounts, overrides) and the total. Amounts are decimal strings of {@code currency}.
 * {@code createdAt}: when the sale was opened (submitted whole: made at the terminal); {@code paidAt}: when it
 * was stamped paid; {@code held}: 挂单, on hold at its terminal (every step answers 409 sale-held until it is
 * recalled), since {@code heldAt}.
 */
public record SaleView(String id, String status, Long slipNumber, String slipCode, String terminalId, String shiftId, String cashier,
                       String associateCode, String customerId, String businessDate, List<LineView> lines, String orderDiscountPercent,
                       String listTotal, String discountTotal, String total, String paid, String due, String currency,
                       List<PaymentView> payments,
                       String createdAt, String paidAt, boolean held, String heldAt) {

    @Schema(name = "SaleLineView")
    public record LineView(String id, int lineNo, String sku, String barcode, String name, String brand, String model, String spec,
                           String colour, String unit, String quantity, String listPrice, String basePrice, boolean priceOverridden,
                           String discountPercent, String unitPrice, String amount, String vatRate) {

        static LineView of(SaleLine line) {
            SoldItem item = line.item();
            return new LineView(line.id(), line.lineNo(), item.sku(), item.barcode(), item.name(), item.brand(), item.model(), item.spec(),
                    item.colour(), item.unit(), Amounts.quantity(line.quantity()), item.listPrice().toPlainString(),
                    line.basePrice().toPlainString(), line.isOverridden(), Pricing.percent(line.discountRate()).toPlainString(),
                    line.unitPrice().toPlainString(), line.amount().toPlainString(), line.vatRate().stripTrailingZeros().toPlainString());
        }
    }

    /**
     * A tender as recorded; card tenders show only the last four digits, checks their clearance,
     * mobile payments their channel and the provider's transaction id (never the payment code), an
     * exchange's credit (EXCHANGE) the return it came from.
     */
    public record PaymentView(String id, String tender, String received, String applied, String change, String rounding, String last4,
                              String authCode, String terminalReference, String checkNumber, String bank, String clearance,
                              String channel, String transactionId, String returnId) {

        static PaymentView of(Payment p) {
            String clearance = p.tender() == org.guitai.store.sale.domain.Tender.CHECK
                    ? p.clearance().map(c -> c.outcome().name()).orElse("PENDING") : null;
            return new PaymentView(p.id(), p.tender().name(), p.received().toPlainString(), p.applied().toPlainString(),
                    p.change().toPlainString(), p.rounding().toPlainString(), p.last4(), p.authCode(), p.terminalReference(), p.checkNumber(), p.bank(), clearance,
                    p.channel(), p.transactionId(), p.returnId());
        }
    }

    public static SaleView of(Sale sale, String slipCode, RoundingMode rounding) {
        return new SaleView(sale.id(), sale.status().name(), sale.slipNumber().orElse(null), slipCode, sale.terminalId(), sale.shiftId(), sale.cashierCode(),
                sale.associateCode().orElse(null), sale.customerId(), sale.businessDate().toString(), sale.activeLines().stream().map(LineView::of).toList(),
                Pricing.percent(sale.orderDiscountRate()).toPlainString(), sale.listTotal(rounding).toPlainString(),
                sale.listTotal(rounding).minus(sale.total()).toPlainString(), sale.total().toPlainString(), sale.paid().toPlainString(),
                sale.due().toPlainString(), sale.currency().getCurrencyCode(), sale.payments().stream().map(PaymentView::of).toList(),
                instant(sale.openedAt()), sale.paidAt().map(SaleView::instant).orElse(null), sale.isHeld(),
                sale.heldAt().map(SaleView::instant).orElse(null));
    }

    /** As the database keeps it (microseconds), so a sale reads the same before and after it is stored. */
    private static String instant(java.time.Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
    }
}
