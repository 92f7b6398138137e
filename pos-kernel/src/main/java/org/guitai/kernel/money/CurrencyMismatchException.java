package org.guitai.kernel.money;

import java.util.Currency;
import org.guitai.kernel.problem.PosException;

/** Amounts of two currencies were combined; a store works in one currency. */
public class CurrencyMismatchException extends PosException {

    private static final long serialVersionUID = 1L;

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency-mismatch", 422, "Currencies do not match",
                "expected " + expected.getCurrencyCode() + " but got " + actual.getCurrencyCode());
    }
}
