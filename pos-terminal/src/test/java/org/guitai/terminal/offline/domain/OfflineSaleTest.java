package org.guitai.terminal.offline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.guitai.kernel.money.CashRounding;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

class OfflineSaleTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final List<BigDecimal> DENOMINATIONS = List.of("100", "50", "20", "10", "5", "1", "0.5", "0.1").stream().map(BigDecimal::new).toList();
    private static final CashRounding TO_THE_JIAO = new CashRounding(new BigDecimal("0.10"), RoundingMode.DOWN);

    private OfflineSale sale() {
        OfflineSale sale = new OfflineSale("s1", "C001", "shift-1", CNY, RoundingMode.HALF_UP, Instant.parse("2026-12-06T10:00:00Z"));
        sale.addLine("l1", "SKU1", "6901234567892", "Tea", "box", new BigDecimal("3"), Money.of("12.99", CNY), "0.13");
        sale.addLine("l2", "SKU2", "6901234567809", "Rice", "kg", new BigDecimal("1.255"), Money.of("4.00", CNY), "0.09");
        return sale;
    }

    @Test
    void pricesLinesWithTheStoresRounding() {
        OfflineSale sale = sale();
        assertEquals(Money.of("5.02", CNY), sale.lines().get(1).amount());
        assertEquals(Money.of("43.99", CNY), sale.total());
        sale.changeQuantity("l1", BigDecimal.ONE);
        assertEquals(Money.of("18.01", CNY), sale.total());
    }

    @Test
    void cashWithTheChecksWaivesTheLastFenAndGivesChange() {
        OfflineSale sale = sale();
        sale.confirm();
        assertThrows(OfflineSale.Refused.class, () -> sale.takeCash("p1", Money.of("44.00", CNY),
                List.of(new OfflineSale.Count(new BigDecimal("50"), 1)), DENOMINATIONS, TO_THE_JIAO, Instant.now()));
        assertThrows(OfflineSale.Refused.class, () -> sale.takeCash("p1", Money.of("43.90", CNY),
                List.of(new OfflineSale.Count(new BigDecimal("20"), 2)), DENOMINATIONS, TO_THE_JIAO, Instant.now()));
        assertThrows(OfflineSale.Refused.class, () -> sale.takeCash("p1", Money.of("43.90", CNY),
                List.of(new OfflineSale.Count(new BigDecimal("30"), 2)), DENOMINATIONS, TO_THE_JIAO, Instant.now()));

        OfflineSale.CashPayment cash = sale.takeCash("p1", Money.of("43.90", CNY), List.of(new OfflineSale.Count(new BigDecimal("50"), 1)),
                DENOMINATIONS, TO_THE_JIAO, Instant.now());

        assertEquals(Money.of("6.10", CNY), cash.change());
        assertEquals(Money.of("0.09", CNY), cash.rounding());
        assertEquals(OfflineSale.Status.PAID, sale.status());
        assertEquals(cash, sale.takeCash("p1", Money.of("43.90", CNY), List.of(), DENOMINATIONS, TO_THE_JIAO, Instant.now()));
    }

    @Test
    void aConfirmedSaleTakesNoMoreLines() {
        OfflineSale sale = sale();
        sale.confirm();
        assertThrows(OfflineSale.Refused.class, () -> sale.addLine("l3", "SKU3", null, "x", null, BigDecimal.ONE, Money.of("1.00", CNY), "0"));
        assertThrows(OfflineSale.Refused.class, sale::complete);
    }
}
