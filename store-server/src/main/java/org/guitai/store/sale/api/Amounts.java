package org.guitai.store.sale.api;

import java.math.BigDecimal;
import java.util.Currency;
import org.guitai.kernel.money.Money;
import org.guitai.store.platform.problem.InvalidRequestException;

/** Decimal strings of the wire, turned into Money and quantities with a 400 that names the field. */
final class Amounts {

    static final String MONEY = "^\\d{1,15}(\\.\\d{1,4})?$";
    static final String QUANTITY = "^\\d{1,12}(\\.\\d{1,3})?$";

    private Amounts() {
    }

    static Money money(String field, String value, Currency currency) {
        if (value == null) {
            throw new InvalidRequestException(field + " is required");
        }
        try {
            return Money.of(value, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field + " '" + value + "' is not an amount of " + currency.getCurrencyCode());
        }
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }
}
