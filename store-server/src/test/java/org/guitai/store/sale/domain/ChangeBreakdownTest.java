package org.guitai.store.sale.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeBreakdownTest {

    private static final List<BigDecimal> CNY = List.of("100", "50", "20", "10", "5", "1", "0.5", "0.1").stream().map(BigDecimal::new).toList();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "42.00, 20x2 1x2",
            "21.00, 20x1 1x1",
            "188.80, 100x1 50x1 20x1 10x1 5x1 1x3 0.5x1 0.1x3",
            "0.00, ''",
            "0.60, 0.5x1 0.1x1",
            "300.00, 100x3",
    })
    void givesTheFewestPiecesLargestFirst(String change, String pieces) {
        String actual = String.join(" ", ChangeBreakdown.of(Money.of(change, "CNY"), CNY).stream()
                .map(n -> n.denomination().stripTrailingZeros().toPlainString() + "x" + n.count()).toList());
        assertEquals(pieces, actual);
    }

    @ParameterizedTest
    @CsvSource({"0.05", "12.35"})
    void refusesChangeTheDrawersDenominationsCannotMake(String change) {
        SaleRuleException e = assertThrows(SaleRuleException.class, () -> ChangeBreakdown.of(Money.of(change, "CNY"), CNY));
        assertEquals("change-not-payable", e.slug());
    }
}
