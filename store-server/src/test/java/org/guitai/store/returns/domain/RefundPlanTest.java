package org.guitai.store.returns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

class RefundPlanTest {

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static final RefundPlan.Source CASH = new RefundPlan.Source("p1", 1, RefundTender.CASH, cny("100.00"), cny("0.00"));
    private static final RefundPlan.Source CARD = new RefundPlan.Source("p2", 2, RefundTender.CARD, cny("179.00"), cny("0.00"));

    @Test
    void theLastPaidTenderIsRefundedFirstEachUpToWhatItPaid() {
        assertEquals(List.of(new RefundPlan.Step(RefundTender.CARD, cny("179.00"), "p2"), new RefundPlan.Step(RefundTender.CASH, cny("50.00"), "p1")),
                RefundPlan.of(List.of(CASH, CARD), cny("229.00")));
        assertEquals(List.of(new RefundPlan.Step(RefundTender.CARD, cny("20.00"), "p2")), RefundPlan.of(List.of(CARD, CASH), cny("20.00")));
        assertEquals(List.of(), RefundPlan.of(List.of(CASH, CARD), cny("0.00")));
    }

    @Test
    void whatEarlierRefundsGaveBackIsNotGivenAgain() {
        RefundPlan.Source cardPartlyRefunded = new RefundPlan.Source("p2", 2, RefundTender.CARD, cny("179.00"), cny("170.00"));
        assertEquals(List.of(new RefundPlan.Step(RefundTender.CARD, cny("9.00"), "p2"), new RefundPlan.Step(RefundTender.CASH, cny("91.00"), "p1")),
                RefundPlan.of(List.of(CASH, cardPartlyRefunded), cny("100.00")));
        assertThrows(IllegalStateException.class, () -> RefundPlan.of(List.of(CASH, cardPartlyRefunded), cny("109.01")));
    }
}
