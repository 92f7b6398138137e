package org.guitai.kernel.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a cash payment of the whole amount due is rounded when the drawer's smallest piece cannot
 * pay the last fen (抹零): to a multiple of {@code unit} with {@code mode} (DOWN waives the fen in
 * the customer's favour). The waived amount is recorded on the payment; the sale's total and its
 * invoice do not change.
 */
public record CashRounding(BigDecimal unit, RoundingMode mode) {

    public CashRounding {
        if (unit.signum() <= 0) {
            throw new IllegalArgumentException("a rounding unit is positive");
        }
    }

    public static CashRounding none() {
        return new CashRounding(new BigDecimal("0.01"), RoundingMode.UNNECESSARY);
    }

    public Money apply(Money amount) {
        BigDecimal units = amount.amount().divide(unit, 0, mode);
        return Money.of(units.multiply(unit), amount.currency(), RoundingMode.UNNECESSARY);
    }
}
