package org.guitai.kernel.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A sale the store has completed, as HQ needs it for chain reports: no customer personal data. {@code associate} is the
 * sales associate who served the customer, if any: the sale is credited to them in staff review, else to its cashier
 * (absent in events of stores from before it was sent).
 */
public record SaleCompleted(UUID saleId, String terminalId, String cashier, String associate, Long slipNumber, Instant completedAt,
                            LocalDate businessDate, String currency, String total, String tax,
                            List<Line> lines, List<Tender> tenders) {

    public SaleCompleted {
        lines = lines == null ? List.of() : List.copyOf(lines);
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
    }

    public record Line(UUID lineId, String sku, String quantity, String unitPrice, String amount, String vatRate) {
    }

    public record Tender(String tender, String amount) {
    }
}
