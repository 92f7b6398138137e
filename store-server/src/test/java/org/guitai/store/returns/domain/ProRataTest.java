package org.guitai.store.returns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

class ProRataTest {

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void returningUnitsOneByOneAddsUpToExactlyWhatWasPaidForTheLine() {
        // 3 units of 269.74 paid in cash, 0.02 waived (抹零): 809.20 for the line, which 3 does not divide
        Money paid = cny("809.20");
        BigDecimal sold = new BigDecimal("3");
        Money first = ProRata.refund(paid, sold, BigDecimal.ZERO, BigDecimal.ONE);
        Money second = ProRata.refund(paid, sold, BigDecimal.ONE, BigDecimal.ONE);
        Money third = ProRata.refund(paid, sold, new BigDecimal("2"), BigDecimal.ONE);
        assertEquals(List.of(cny("269.73"), cny("269.74"), cny("269.73")), List.of(first, second, third));
        assertEquals(paid, first.plus(second).plus(third));
        assertEquals(paid, ProRata.refund(paid, sold, BigDecimal.ZERO, sold), "all at once refunds the same");
        assertEquals(cny("539.47"), ProRata.refund(paid, sold, BigDecimal.ZERO, new BigDecimal("2")));
    }

    @Test
    void moreThanWasSoldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProRata.refund(cny("10.00"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> ProRata.refund(cny("10.00"), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void theWaivedRoundingIsSharedAcrossTheLinesToTheFen() {
        List<Money> shares = ProRata.linePaid(List.of(cny("10.01"), cny("20.01"), cny("30.01")), cny("60.00"));
        assertEquals(cny("60.00"), shares.stream().reduce(cny("0.00"), Money::plus));
        assertEquals(List.of(cny("10.00"), cny("20.00"), cny("30.00")), shares);
        assertEquals(List.of(cny("5.00"), cny("7.00")), ProRata.linePaid(List.of(cny("5.00"), cny("7.00")), cny("12.00")), "nothing waived");
        List<Money> odd = ProRata.linePaid(List.of(cny("0.03"), cny("0.03"), cny("0.03")), cny("0.08"));
        assertEquals(cny("0.08"), odd.stream().reduce(cny("0.00"), Money::plus));
        assertEquals(List.of(cny("0.03"), cny("0.03"), cny("0.02")), odd, "the fen left over goes to the earlier lines first");
        assertThrows(IllegalArgumentException.class, () -> ProRata.linePaid(List.of(cny("1.00")), cny("1.01")));
    }
}
