package org.guitai.store.returns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

class ReturnPolicyTest {

    /** 2026-12-04 is a Friday; the 8th a holiday of the store. */
    private final ReturnPolicy policy = new ReturnPolicy(7, new BigDecimal("1000.00"), 3,
            new WorkingDays(Set.of(LocalDate.parse("2026-12-08"))));

    @Test
    void threeWorkingDaysSkipWeekendsAndHolidays() {
        assertEquals(LocalDate.parse("2026-12-10"), policy.refundDeadline(LocalDate.parse("2026-12-04")), "Mon 7, (Tue 8 holiday), Wed 9, Thu 10");
        assertEquals(LocalDate.parse("2026-12-10"), policy.refundDeadline(LocalDate.parse("2026-12-05")), "received on a Saturday: the same three days");
        assertEquals(LocalDate.parse("2026-12-04"), new WorkingDays(Set.of()).after(LocalDate.parse("2026-12-01"), 3));
        assertFalse(policy.isOverdue(LocalDate.parse("2026-12-04"), false, LocalDate.parse("2026-12-10")), "the deadline day itself is in time");
        assertTrue(policy.isOverdue(LocalDate.parse("2026-12-04"), false, LocalDate.parse("2026-12-11")));
        assertFalse(policy.isOverdue(LocalDate.parse("2026-12-04"), true, LocalDate.parse("2026-12-31")), "a refunded return is never overdue");
    }

    @Test
    void aChangeOfMindIsAcceptedUpToTheLastDayOfTheWindow() {
        LocalDate sold = LocalDate.parse("2026-12-01");
        assertEquals(LocalDate.parse("2026-12-08"), policy.changeOfMindUntil(sold));
        policy.requireWithinWindow(ReturnReason.CHANGE_OF_MIND, sold, LocalDate.parse("2026-12-08"));
        ReturnRuleException late = assertThrows(ReturnRuleException.class,
                () -> policy.requireWithinWindow(ReturnReason.CHANGE_OF_MIND, sold, LocalDate.parse("2026-12-09")));
        assertEquals("change-of-mind-window-passed", late.slug());
        assertEquals(422, late.status());
        policy.requireWithinWindow(ReturnReason.QUALITY, sold, LocalDate.parse("2027-06-09"));
    }

    @Test
    void aSecondManagerApprovesAboveTheThreshold() {
        assertEquals(1, policy.approvalsNeeded(Money.of("1000.00", "CNY")));
        assertEquals(2, policy.approvalsNeeded(Money.of("1000.01", "CNY")));
    }
}
