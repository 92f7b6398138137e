package org.guitai.store.returns.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.guitai.kernel.money.Money;

/**
 * What a returned quantity refunds, to the fen. Line and order discounts are already in each line's
 * amount (quantity x actual unit price, see {@code Pricing}); what the customer paid for the sale may
 * still be less than its total by the cash rounding the store waived (抹零), which is shared across the
 * lines in proportion to their amounts. A line's paid amount is then refunded cumulatively: returning
 * units r+1..r+q of Q refunds round(paid x (r+q)/Q) − round(paid x r/Q), so the returns of a line, in
 * any pieces, add up to exactly what was paid for it and never to more.
 */
public final class ProRata {

    private ProRata() {
    }

    /**
     * What was paid for each line: {@code paid} shared in proportion to the amounts, the fen the
     * shares' rounding leaves over going to the largest remainders (ties to the earlier line), so that
     * the shares add up to {@code paid} exactly. A line never gets more than its amount.
     */
    public static List<Money> linePaid(List<Money> amounts, Money paid) {
        if (amounts.isEmpty()) {
            return List.of();
        }
        Money total = amounts.stream().reduce(Money.zero(paid.currency()), Money::plus);
        if (paid.isNegative() || paid.isGreaterThan(total)) {
            throw new IllegalArgumentException("paid " + paid.toPlainString() + " is not between 0 and the lines' total " + total.toPlainString());
        }
        if (paid.equals(total) || total.isZero()) {
            return List.copyOf(amounts);
        }
        int scale = paid.currency().getDefaultFractionDigits();
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        List<BigDecimal> shares = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (Money amount : amounts) {
            BigDecimal exact = paid.amount().multiply(amount.amount()).divide(total.amount(), scale + 10, RoundingMode.DOWN);
            BigDecimal share = exact.setScale(scale, RoundingMode.DOWN);
            shares.add(share);
            remainders.add(exact.subtract(share));
            given = given.add(share);
        }
        int left = paid.amount().subtract(given).movePointRight(scale).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            int i = order.get(k % order.size());
            shares.set(i, shares.get(i).add(unit));
        }
        return shares.stream().map(s -> Money.of(s, paid.currency())).toList();
    }

    /**
     * What returning {@code returning} more units of a line refunds, when {@code alreadyReturned} of the
     * {@code sold} units came back before and {@code linePaid} was paid for all of them.
     *
     * @throws IllegalArgumentException when more would have come back than was sold
     */
    public static Money refund(Money linePaid, BigDecimal sold, BigDecimal alreadyReturned, BigDecimal returning) {
        BigDecimal after = alreadyReturned.add(returning);
        if (returning.signum() <= 0 || alreadyReturned.signum() < 0 || after.compareTo(sold) > 0) {
            throw new IllegalArgumentException("cannot return " + returning.toPlainString() + " more of " + sold.toPlainString()
                    + " with " + alreadyReturned.toPlainString() + " returned");
        }
        return cumulative(linePaid, sold, after).minus(cumulative(linePaid, sold, alreadyReturned));
    }

    /** What the first {@code units} of a line refund together. */
    static Money cumulative(Money linePaid, BigDecimal sold, BigDecimal units) {
        if (units.compareTo(sold) == 0) {
            return linePaid;
        }
        int scale = linePaid.currency().getDefaultFractionDigits();
        return Money.of(linePaid.amount().multiply(units).divide(sold, scale, RoundingMode.HALF_UP), linePaid.currency());
    }
}
