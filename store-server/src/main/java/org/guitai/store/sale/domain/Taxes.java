package org.guitai.store.sale.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.guitai.kernel.money.Money;

/**
 * Shelf prices include VAT. The VAT inside a gross amount is gross - gross / (1 + rate), the net
 * rounded to the fen with the store's rounding rule, so net + tax is always exactly the gross.
 */
public final class Taxes {

    private Taxes() {
    }

    public static Money netOf(Money gross, BigDecimal vatRate, RoundingMode rounding) {
        return gross.dividedBy(BigDecimal.ONE.add(vatRate), rounding);
    }

    public static Money taxIn(Money gross, BigDecimal vatRate, RoundingMode rounding) {
        return gross.minus(netOf(gross, vatRate, rounding));
    }
}
