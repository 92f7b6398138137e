package org.guitai.kernel.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void scaleIsTheCurrencys() {
        assertEquals("12.50", Money.of("12.5", CNY).toPlainString());
        assertEquals("12.00", Money.of("12", CNY).toPlainString());
        assertEquals("1200", Money.of("1200", JPY).toPlainString());
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("12.505", CNY));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.5", JPY));
        assertEquals("12.50", Money.of("12.5000", CNY).toPlainString());
    }

    @Test
    void refusesWhatIsNotANumber() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("12,50", CNY));
        assertThrows(IllegalArgumentException.class, () -> Money.of("", CNY));
    }

    @Test
    void roundingIsExplicit() {
        assertEquals("0.34", Money.of(new BigDecimal("0.335"), CNY, RoundingMode.HALF_UP).toPlainString());
        assertEquals("0.34", Money.of(new BigDecimal("0.335"), CNY, RoundingMode.HALF_EVEN).toPlainString());
        assertEquals("0.32", Money.of(new BigDecimal("0.325"), CNY, RoundingMode.HALF_EVEN).toPlainString());
        assertEquals("3.34", Money.of("10.00", CNY).dividedBy(new BigDecimal("3"), RoundingMode.UP).toPlainString());
        assertEquals("4.17", Money.of("12.50", CNY).times(new BigDecimal("0.3333"), RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void arithmeticIsExact() {
        Money a = Money.of("0.10", CNY);
        Money sum = Money.zero(CNY);
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(a);
        }
        assertEquals(Money.of("1", CNY), sum);
        assertEquals(Money.of("-0.90", CNY), a.minus(Money.of("1.00", CNY)));
        assertEquals(Money.of("37.50", CNY), Money.of("12.50", CNY).times(3));
    }

    @Test
    void currenciesDoNotMix() {
        assertThrows(CurrencyMismatchException.class, () -> Money.of("1", CNY).plus(Money.of("1", JPY)));
        assertThrows(CurrencyMismatchException.class, () -> Money.of("1", CNY).compareTo(Money.of("1", JPY)));
        assertNotEquals(Money.of("1", CNY), Money.of("1", Currency.getInstance("USD")));
    }

    @Test
    void equalityIsByValueAndCurrency() {
        assertEquals(Money.of("12.5", CNY), Money.of("12.50", CNY));
        assertEquals(Money.of("12.5", CNY).hashCode(), Money.of("12.50", CNY).hashCode());
        assertTrue(Money.of("2", CNY).isGreaterThan(Money.of("1.99", CNY)));
        assertFalse(Money.of("2", CNY).isLessThan(Money.of("2.00", CNY)));
        assertTrue(Money.of("-0.01", CNY).isNegative());
        assertTrue(Money.zero(CNY).isZero());
        assertEquals(Money.of("1", CNY), Money.of("1", CNY).min(Money.of("2", CNY)));
    }
}
