package org.guitai.store.shift.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A shift's running totals, or what one event adds to them (a posting): a value per
 * {@link LedgerItem}, zero where none is given. The cash the drawer should hold is worked out here
 * and nowhere else.
 */
public final class Ledger {

    private static final Ledger EMPTY = new Ledger(new EnumMap<>(LedgerItem.class));

    private final EnumMap<LedgerItem, BigDecimal> values;

    private Ledger(EnumMap<LedgerItem, BigDecimal> values) {
        this.values = values;
    }

    public static Ledger empty() {
        return EMPTY;
    }

    public static Ledger of(Map<LedgerItem, BigDecimal> values) {
        EnumMap<LedgerItem, BigDecimal> copy = new EnumMap<>(LedgerItem.class);
        values.forEach((item, value) -> {
            if (item.isCount() && value.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException(item + " counts things: " + value.toPlainString() + " is not a whole number");
            }
            if (value.signum() != 0) {
                copy.put(item, value);
            }
        });
        return new Ledger(copy);
    }

    /** This ledger with {@code value} added to {@code item}. */
    public Ledger plus(LedgerItem item, BigDecimal value) {
        EnumMap<LedgerItem, BigDecimal> copy = new EnumMap<>(values);
        copy.merge(item, value, BigDecimal::add);
        return of(copy);
    }

    public Ledger plus(LedgerItem item, long count) {
        return plus(item, BigDecimal.valueOf(count));
    }

    public Ledger plus(Ledger other) {
        EnumMap<LedgerItem, BigDecimal> copy = new EnumMap<>(values);
        other.values.forEach((item, value) -> copy.merge(item, value, BigDecimal::add));
        return of(copy);
    }

    public BigDecimal get(LedgerItem item) {
        return values.getOrDefault(item, BigDecimal.ZERO);
    }

    public int count(LedgerItem item) {
        return get(item).intValueExact();
    }

    /** The items this ledger changes (a posting) or holds (totals), without zeros. */
    public Map<LedgerItem, BigDecimal> values() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Expected cash = float + cash received (tendered and accepted, before change) − change given −
     * cash refunds + pay-ins − pay-outs − drops. Card, check and mobile tenders never count as cash;
     * notes refused as suspect never entered the drawer; 抹零 is already in what was received.
     */
    public BigDecimal expectedCash(BigDecimal openingFloat) {
        return openingFloat
                .add(get(LedgerItem.CASH_RECEIVED))
                .subtract(get(LedgerItem.CHANGE_GIVEN))
                .subtract(get(LedgerItem.CASH_REFUNDS))
                .add(get(LedgerItem.PAY_INS))
                .subtract(get(LedgerItem.PAY_OUTS))
                .subtract(get(LedgerItem.DROPS));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Ledger other) || other.values.size() != values.size()) {
            return false;
        }
        return values.entrySet().stream().allMatch(e -> e.getValue().compareTo(other.get(e.getKey())) == 0);
    }

    @Override
    public int hashCode() {
        return values.keySet().hashCode();
    }

    @Override
    public String toString() {
        return "Ledger" + values;
    }
}
