package org.guitai.store.sale.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.guitai.kernel.money.Money;

/**
 * How a line is priced: the base price (the list price, or an approved override), less the line
 * discount, less the order discount, rounded once to the fen with the store's rounding rule. The
 * amount is quantity x that unit price (exact for whole quantities), so an invoice line always
 * shows amount = quantity x actual unit price.
 */
public final class Pricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    public static Money unitPrice(Money base, BigDecimal lineRate, BigDecimal orderRate, RoundingMode rounding) {
        return base.times(BigDecimal.ONE.subtract(lineRate).multiply(BigDecimal.ONE.subtract(orderRate)), rounding);
    }

    public static Money amount(Money unitPrice, BigDecimal quantity, RoundingMode rounding) {
        return unitPrice.times(quantity, rounding);
    }

    /** A percentage as typed ("12.5") to a rate (0.125); refuses anything outside 0..100. */
    public static BigDecimal rate(BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new SaleRuleException("invalid-discount", "Invalid discount", "a discount is from 0 to 100 percent, not " + percent.toPlainString());
        }
        return percent.divide(HUNDRED, 6, RoundingMode.UNNECESSARY);
    }

    /** The discount a line ends up with from its own and the order's: 1 − (1 − line)(1 − order). */
    public static BigDecimal combined(BigDecimal lineRate, BigDecimal orderRate) {
        return BigDecimal.ONE.subtract(BigDecimal.ONE.subtract(lineRate).multiply(BigDecimal.ONE.subtract(orderRate)));
    }

    public static BigDecimal percent(BigDecimal rate) {
        return rate.multiply(HUNDRED).stripTrailingZeros();
    }
}
