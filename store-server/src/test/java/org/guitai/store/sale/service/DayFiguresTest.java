package org.guitai.store.sale.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.guitai.kernel.money.CashRounding;
import org.guitai.kernel.money.Money;
import org.guitai.store.report.domain.DayFigure;
import org.guitai.store.report.domain.DayFigure.Kind;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SoldItem;
import org.junit.jupiter.api.Test;

/** What a paid sale adds to its day's running totals, and how one posting's figures are merged and ordered. */
class DayFiguresTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant PAID = Instant.parse("2026-11-23T08:15:00Z");
    private static final SoldItem RICE_COOKER = new SoldItem("E00002", "6910384000029", "电饭煲", "美的", "MB-FB40S701", "3L", "白色", "台",
            Money.of("279.00", CNY), new BigDecimal("0.13"));
    private static final SoldItem KETTLE = new SoldItem("E00001", "6910384000012", "电水壶", "美的", "MK-HJ1705", "1.7L", "白色", "台",
            Money.of("99.00", CNY), new BigDecimal("0.13"));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** Two rice cookers on two lines (one at 10 % off), a kettle voided, paid 200 by card and the rest in cash, sold by A001 at C001's counter. */
    private static Sale paidSale() {
        Sale sale = Sale.open("sale-1", "T1", "shift-1", "C001", "A001", null, CNY, LocalDate.of(2026, 11, 23), PAID);
        sale.addLine("line-1", RICE_COOKER, d("1"), RICE_COOKER.listPrice(), BigDecimal.ZERO, RoundingMode.HALF_UP);
        sale.addLine("line-2", RICE_COOKER, d("1"), RICE_COOKER.listPrice(), BigDecimal.ZERO, RoundingMode.HALF_UP);
        sale.addLine("line-3", KETTLE, d("2"), KETTLE.listPrice(), BigDecimal.ZERO, RoundingMode.HALF_UP);
        sale.discountLine("line-2", d("0.1"), RoundingMode.HALF_UP);
        sale.voidLine("line-3", "C001", PAID);
        sale.confirm(PAID);
        sale.takeCard("p1", Money.of("200.00", CNY), "A1", "1234", "R1", "C001", PAID);
        sale.takeCash("p2", Money.of("330.10", CNY), Optional.empty(), List.of(new NoteCount(d("100"), 4)), List.of(),
                List.of("100", "50", "20", "10", "5", "1", "0.5", "0.1").stream().map(BigDecimal::new).toList(),
                new CashRounding(d("0.1"), RoundingMode.DOWN), "C001", PAID);
        sale.goodsTaken(PAID);
        sale.stampPaid(7, PAID, LocalDate.of(2026, 11, 23));
        return sale;
    }

    @Test
    void aPaidSaleAddsItselfItsHourItsSellerItsTendersAndItsProducts() {
        List<DayFigure> figures = SaleService.dayFigures(paidSale(), ZoneId.of("Asia/Shanghai"), RoundingMode.HALF_UP);
        assertEquals(List.of(
                        DayFigure.of(Kind.HOUR, "16", 1, d("530.10")),
                        new DayFigure(Kind.ITEM, "E00002", 2, d("2"), d("530.10"), d("558.00")),
                        new DayFigure(Kind.SALES, "", 1, d("2"), d("530.10"), d("558.00")),
                        DayFigure.of(Kind.STAFF, "A001", 1, d("530.10")),
                        DayFigure.of(Kind.TENDER, "CARD", 1, d("200.00")),
                        DayFigure.of(Kind.TENDER, "CASH", 1, d("330.10"))),
                figures.stream().map(DayFiguresTest::plain).toList(),
                "the voided kettle is not sold; the discount is the list total less the total");
    }

    @Test
    void figuresOfOneKeyAreAddedTogetherAndOrderedByKey() {
        List<DayFigure> merged = DayFigure.merged(List.of(
                DayFigure.of(Kind.TENDER, "CASH", 1, d("10.00")),
                DayFigure.of(Kind.HOUR, "09", 1, d("10.00")),
                DayFigure.of(Kind.TENDER, "CASH", 1, d("5.00")),
                DayFigure.of(Kind.HOUR, "08", 1, d("1.00"))));
        assertEquals(List.of(DayFigure.of(Kind.HOUR, "08", 1, d("1.00")), DayFigure.of(Kind.HOUR, "09", 1, d("10.00")),
                DayFigure.of(Kind.TENDER, "CASH", 2, d("15.00"))), merged);
    }

    @Test
    void aNameLongerThanTheColumnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DayFigure.of(Kind.STAFF, "x".repeat(65), 1, BigDecimal.ZERO));
    }

    /** The same figure with its decimals stripped of scale, so that 2.000 units equal 2. */
    private static DayFigure plain(DayFigure f) {
        return new DayFigure(f.kind(), f.name(), f.n(), f.units().stripTrailingZeros(), f.amount(), f.listAmount());
    }
}
