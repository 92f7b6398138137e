package org.guitai.store.catalog.domain;

import java.math.BigDecimal;
import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** More of a product is asked for than the store holds (and the store does not sell below zero). */
public class InsufficientStockException extends PosException {

    private static final long serialVersionUID = 1L;

    private final String sku;
    private final BigDecimal available;

    public InsufficientStockException(String sku, BigDecimal available) {
        super("insufficient-stock", 422, "Not enough stock",
                "only " + available.max(BigDecimal.ZERO).stripTrailingZeros().toPlainString() + " of " + sku + " available");
        this.sku = sku;
        this.available = available.max(BigDecimal.ZERO);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("sku", sku, "available", available.stripTrailingZeros().toPlainString());
    }
}
