package org.guitai.store.sale.api;

import java.util.List;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleLine;
import org.guitai.store.sale.domain.SoldItem;

/** The sale as every endpoint answers it; amounts are decimal strings of {@code currency}. */
public record SaleView(String id, String status, Long slipNumber, String terminalId, String cashier, String customerId,
                       String businessDate, List<LineView> lines, String total, String paid, String due, String currency) {

    public record LineView(String id, int lineNo, String sku, String barcode, String name, String brand, String model, String spec,
                           String colour, String unit, String quantity, String listPrice, String unitPrice, String amount, String vatRate) {

        static LineView of(SaleLine line) {
            SoldItem item = line.item();
            return new LineView(line.id(), line.lineNo(), item.sku(), item.barcode(), item.name(), item.brand(), item.model(), item.spec(),
                    item.colour(), item.unit(), Amounts.quantity(line.quantity()), item.listPrice().toPlainString(),
                    line.unitPrice().toPlainString(), line.amount().toPlainString(), line.vatRate().stripTrailingZeros().toPlainString());
        }
    }

    public static SaleView of(Sale sale) {
        return new SaleView(sale.id(), sale.status().name(), sale.slipNumber().orElse(null), sale.terminalId(), sale.cashierCode(),
                sale.customerId(), sale.businessDate().toString(), sale.activeLines().stream().map(LineView::of).toList(),
                sale.total().toPlainString(), sale.paid().toPlainString(), sale.due().toPlainString(),
                sale.currency().getCurrencyCode());
    }
}
