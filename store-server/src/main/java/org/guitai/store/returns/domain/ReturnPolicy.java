package org.guitai.store.returns.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.guitai.kernel.money.Money;

/**
 * The store's rules for returns, from its settings: a change of mind is accepted up to and including
 * the {@code changeOfMindDays}-th day after the day of the sale; a return worth more than
 * {@code secondApprovalAbove} needs the approvals of two different managers; goods received must be
 * refunded within {@code refundWorkingDays} working days, after which the return is overdue.
 */
public record ReturnPolicy(int changeOfMindDays, BigDecimal secondApprovalAbove, int refundWorkingDays, WorkingDays workingDays) {

    /** The last day a customer may bring back goods sold on {@code saleDay} because they changed their mind. */
    public LocalDate changeOfMindUntil(LocalDate saleDay) {
        return saleDay.plusDays(changeOfMindDays);
    }

    /** @throws ReturnRuleException change-of-mind-window-passed (422) after the window */
    public void requireWithinWindow(ReturnReason reason, LocalDate saleDay, LocalDate today) {
        if (reason == ReturnReason.CHANGE_OF_MIND && today.isAfter(changeOfMindUntil(saleDay))) {
            throw new ReturnRuleException("change-of-mind-window-passed", 422, "Return window passed",
                    "a change of mind is accepted until " + changeOfMindUntil(saleDay) + " (" + changeOfMindDays + " days after the sale of "
                            + saleDay + "); today is " + today + ": only a quality problem or a staff error can be returned now",
                    java.util.Map.of("changeOfMindUntil", changeOfMindUntil(saleDay).toString()));
        }
    }

    /** One manager's approval, or two different managers' above the threshold. */
    public int approvalsNeeded(Money amount) {
        return amount.amount().compareTo(secondApprovalAbove) > 0 ? 2 : 1;
    }

    /** The day by which goods received on {@code receivedOn} must be refunded. */
    public LocalDate refundDeadline(LocalDate receivedOn) {
        return workingDays.after(receivedOn, refundWorkingDays);
    }

    /** Received and not yet refunded after its deadline. */
    public boolean isOverdue(LocalDate receivedOn, boolean refunded, LocalDate today) {
        return !refunded && today.isAfter(refundDeadline(receivedOn));
    }
}
