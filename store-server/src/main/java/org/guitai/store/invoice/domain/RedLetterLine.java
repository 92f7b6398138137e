package org.guitai.store.invoice.domain;

import java.math.BigDecimal;
import java.util.Objects;
import org.guitai.kernel.money.Money;

/**
 * One returned line as a red-letter invoice (红字发票) shows it, given as the return knows it: the
 * sale line it comes from, the quantity returned and the amount refunded for it (VAT included),
 * both positive; the invoice writes them negative.
 */
public record RedLetterLine(String saleLineId, String name, String spec, BigDecimal quantity, Money amount, BigDecimal vatRate) {

    public RedLetterLine {
        Objects.requireNonNull(saleLineId, "saleLineId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(vatRate, "vatRate");
        spec = spec == null ? "" : spec;
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a returned quantity is positive: " + quantity.toPlainString());
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a refunded amount is not negative: " + amount.toPlainString());
        }
        if (vatRate.signum() < 0) {
            throw new IllegalArgumentException("a VAT rate is not negative: " + vatRate.toPlainString());
        }
    }
}
