package org.guitai.store.sale.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingAndTaxesTest {

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @ParameterizedTest(name = "{0} at {1} % VAT: net {2}, tax {3}")
    @CsvSource({
            "558.00, 0.13, 493.81, 64.19",
            "279.00, 0.13, 246.90, 32.10",
            "100.00, 0.09, 91.74, 8.26",
            "39.90, 0.09, 36.61, 3.29",
            "0.01, 0.13, 0.01, 0.00",
    })
    void vatIsTakenOutOfTheGross(String gross, String rate, String net, String tax) {
        assertEquals(cny(net), Taxes.netOf(cny(gross), new BigDecimal(rate), RoundingMode.HALF_UP));
        assertEquals(cny(tax), Taxes.taxIn(cny(gross), new BigDecimal(rate), RoundingMode.HALF_UP));
    }

    @Test
    void netAndTaxAlwaysAddUpToTheGross() {
        for (int fen = 1; fen < 100_000; fen += 37) {
            Money gross = Money.of(BigDecimal.valueOf(fen, 2), java.util.Currency.getInstance("CNY"));
            for (String rate : new String[] {"0.13", "0.09"}) {
                Money sum = Taxes.netOf(gross, new BigDecimal(rate), RoundingMode.HALF_UP).plus(Taxes.taxIn(gross, new BigDecimal(rate), RoundingMode.HALF_UP));
                assertEquals(gross, sum);
            }
        }
    }

    @Test
    void discountsCombineMultiplicatively() {
        assertEquals(cny("238.55"), Pricing.unitPrice(cny("279.00"), new BigDecimal("0.10"), new BigDecimal("0.05"), RoundingMode.HALF_UP));
        assertEquals(cny("238.54"), Pricing.unitPrice(cny("279.00"), new BigDecimal("0.10"), new BigDecimal("0.05"), RoundingMode.HALF_EVEN));
        assertEquals(cny("4.99"), Pricing.amount(cny("3.33"), new BigDecimal("1.5"), RoundingMode.DOWN));
    }

    @Test
    void percentagesAreBetweenZeroAndHundred() {
        assertEquals(0, new BigDecimal("0.125").compareTo(Pricing.rate(new BigDecimal("12.5"))));
        assertEquals("invalid-discount", assertThrows(SaleRuleException.class, () -> Pricing.rate(new BigDecimal("100.5"))).slug());
        assertEquals("12.5", Pricing.percent(new BigDecimal("0.125")).toPlainString());
    }

    @Test
    void slipCodesRoundTrip() {
        SlipNumber slip = new SlipNumber("S001", 42);
        assertEquals("S001-00000042", slip.code());
        assertEquals(slip, SlipNumber.parse("S001-00000042").orElseThrow());
        assertEquals(slip, SlipNumber.parse(" S001-00000042 ").orElseThrow());
        assertEquals(java.util.Optional.empty(), SlipNumber.parse("S001-42"));
        assertEquals(java.util.Optional.empty(), SlipNumber.parse("6910384000029"));
        assertEquals("S001-00000001", new SlipNumber("S001", 1).code());
        assertEquals("S001-12345678", new SlipNumber("S001", 12_345_678).code());
        SlipNumber past = new SlipNumber("S001", 123_456_789);
        assertEquals("S001-123456789", past.code(), "past eight digits the number simply grows");
        assertEquals(past, SlipNumber.parse(past.code()).orElseThrow());
    }
}
