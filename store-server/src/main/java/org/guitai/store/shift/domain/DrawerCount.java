package org.guitai.store.shift.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Cash counted by denomination (an opening float, a count at close): whole, non-negative numbers
 * of pieces of the store's own denominations, each denomination named once.
 */
public record DrawerCount(List<Piece> pieces) {

    /** So many pieces of one denomination. */
    public record Piece(BigDecimal denomination, int count) {
    }

    public DrawerCount {
        pieces = List.copyOf(pieces);
    }

    /**
     * The count as handed in, checked against the store's denominations.
     *
     * @throws ShiftRuleException naming every bad entry (unknown or repeated denomination, negative or fractional count)
     */
    public static DrawerCount of(List<Map.Entry<BigDecimal, BigDecimal>> counted, List<BigDecimal> denominations, String what) {
        List<String> problems = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> entry : counted) {
            BigDecimal denomination = entry.getKey();
            BigDecimal count = entry.getValue();
            String name = denomination.toPlainString();
            if (denominations.stream().noneMatch(d -> d.compareTo(denomination) == 0)) {
                problems.add(name + " is not a denomination of this store's cash");
            } else if (pieces.stream().anyMatch(p -> p.denomination().compareTo(denomination) == 0)) {
                problems.add(name + " is counted twice");
            }
            if (count.signum() < 0) {
                problems.add("the count of " + name + " is negative (" + count.toPlainString() + ")");
            } else if (count.stripTrailingZeros().scale() > 0) {
                problems.add("the count of " + name + " is not a whole number of pieces (" + count.toPlainString() + ")");
            } else if (count.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                problems.add("the count of " + name + " is beyond belief (" + count.toPlainString() + ")");
            }
            if (problems.isEmpty()) {
                pieces.add(new Piece(denominations.stream().filter(d -> d.compareTo(denomination) == 0).findFirst().orElseThrow(),
                        count.intValueExact()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ShiftRuleException("bad-count", "Bad cash count", "the " + what + " cannot be taken: " + String.join("; ", problems),
                    Map.of("violations", problems));
        }
        pieces.sort(Comparator.comparing(Piece::denomination).reversed());
        return new DrawerCount(pieces);
    }

    public BigDecimal total() {
        return pieces.stream().map(p -> p.denomination().multiply(BigDecimal.valueOf(p.count())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
