package org.guitai.hq.ingest.domain;

import java.math.BigDecimal;
import org.guitai.kernel.money.Money;

/**
 * One line of a {@link SaleFact}: a row of {@code sale_fact_line} per (store, line).
 *
 * @param unitPrice in the currency of its sale
 * @param amount in the currency of its sale
 * @param vatRate a fraction: 0.13 is 13 %
 */
public record SaleFactLine(String storeId, String lineId, String saleId, String sku, BigDecimal quantity, Money unitPrice, Money amount,
                           BigDecimal vatRate) {

    public record Key(String storeId, String lineId) {
    }

    public Key key() {
        return new Key(storeId, lineId);
    }
}
