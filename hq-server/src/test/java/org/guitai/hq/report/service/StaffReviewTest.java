package org.guitai.hq.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import org.guitai.hq.report.service.StaffReview.Attributed;
import org.guitai.hq.report.service.StaffReview.Credited;
import org.guitai.hq.report.service.StaffReview.Member;
import org.guitai.hq.report.service.StaffReview.Refunded;
import org.guitai.hq.report.service.StaffReview.StaffFigures;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

/** The staff review's arithmetic: net sales after refunds credited to the member, staff-error returns attributed to them. */
class StaffReviewTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Member C001 = new Member("S001", "C001");
    private static final Member A001 = new Member("S001", "A001");
    private static final Member C002 = new Member("S002", "C001");

    private static Money cny(String amount) {
        return Money.of(amount, CNY);
    }

    @Test
    void salesAreNetOfTheRefundsCreditedToTheMemberAndReturnsCountTheirStaffErrors() {
        List<StaffFigures> figures = StaffReview.of(CNY,
                List.of(new Credited(C001, 3, new BigDecimal("900.00"), new BigDecimal("4.500")), new Credited(C002, 1, new BigDecimal("10.00"),
                        BigDecimal.ONE)),
                List.of(new Refunded(C001, new BigDecimal("279.00")), new Refunded(A001, new BigDecimal("20.00"))),
                List.of(new Attributed(A001, 2)));
        assertEquals(List.of(A001, C001, C002), figures.stream().map(StaffFigures::member).toList(), "by store, then staff code");
        StaffFigures cashier = figures.get(1);
        assertEquals(cny("621.00"), cashier.sales());
        assertEquals(cny("900.00"), cashier.grossSales());
        assertEquals(cny("279.00"), cashier.refunded());
        assertEquals(3, cashier.transactions());
        assertEquals(0, new BigDecimal("4.5").compareTo(cashier.units()));
        assertEquals(cny("300.00"), cashier.averageTicket(RoundingMode.HALF_UP));
        assertEquals(0, cashier.returns(), "a refund credited to them is no return attributed to them");
        StaffFigures associate = figures.get(0);
        assertEquals(cny("-20.00"), associate.sales(), "a refund in a month without sales");
        assertEquals(2, associate.returns());
        assertEquals(0, associate.transactions());
        assertEquals(cny("0.00"), associate.averageTicket(RoundingMode.HALF_UP));
        assertEquals(cny("10.00"), figures.get(2).sales(), "the same code in another store is another line");
    }

    @Test
    void aMonthWithNothingHasNoLines() {
        assertEquals(List.of(), StaffReview.of(CNY, List.of(), List.of(), List.of()));
    }

    @Test
    void theAverageTicketIsRoundedToTheFen() {
        StaffFigures f = StaffReview.of(CNY, List.of(new Credited(C001, 3, new BigDecimal("10.00"), BigDecimal.ONE)), List.of(), List.of()).get(0);
        assertEquals(cny("3.33"), f.averageTicket(RoundingMode.HALF_UP));
    }
}
