package org.guitai.store.returns.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.guitai.kernel.money.Money;

/**
 * The order a return is refunded in: tender by tender, the reverse of the order the sale's payments
 * were applied (last paid, first refunded), each at most what it applied (cash: received − change)
 * less what earlier refunds already gave back against it. A bounced check is not a payment here.
 */
public final class RefundPlan {

    /** A payment of the sale as a refund sees it: what it can still give back. */
    public record Source(String paymentId, int seq, RefundTender tender, Money paid, Money refunded) {

        Money left() {
            Money left = paid.minus(refunded);
            return left.isNegative() ? Money.zero(paid.currency()) : left;
        }
    }

    /** One step of the plan: refund {@code amount} to {@code tender} against {@code paymentId}. */
    public record Step(RefundTender tender, Money amount, String paymentId) {
    }

    private RefundPlan() {
    }

    /**
     * The steps that refund {@code due}, in the order they must be taken.
     *
     * @throws IllegalStateException when the payments cannot give back that much (the pro-rata share of
     *     a return is never more than was paid, so this is a defect)
     */
    public static List<Step> of(List<Source> payments, Money due) {
        List<Source> lastFirst = new ArrayList<>(payments);
        lastFirst.sort(Comparator.comparingInt(Source::seq).reversed());
        List<Step> steps = new ArrayList<>();
        Money left = due;
        for (Source p : lastFirst) {
            if (!left.isPositive()) {
                break;
            }
            Money take = p.left().min(left);
            if (take.isPositive()) {
                steps.add(new Step(p.tender(), take, p.paymentId()));
                left = left.minus(take);
            }
        }
        if (left.isPositive()) {
            throw new IllegalStateException("the sale's payments cannot refund " + left.toPlainString() + " more");
        }
        return List.copyOf(steps);
    }
}
