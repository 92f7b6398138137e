package org.guitai.store.report.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One running total of a business day: how many, how many units, for how much and for how much at
 * list price, under a kind and a name (an hour, a staff code, a tender, a sku). Figures of one
 * posting with the same kind and name are added together before they are written.
 */
public record DayFigure(Kind kind, String name, int n, BigDecimal units, BigDecimal amount, BigDecimal listAmount) {

    public enum Kind {
        /** The day's posted sales (name empty): transactions, units, total and the total at list price. */
        SALES,
        /** The sales paid in an hour of the store's zone, "00" to "23". */
        HOUR,
        /** The sales credited to a staff member: the sales associate named on the sale, else the cashier. */
        STAFF,
        /** The tenders of the posted sales (bounced checks excluded): how many and the amount applied. */
        TENDER,
        /** A product's sold lines: lines, units and amount. */
        ITEM,
        /** Voided lines and their amount. */
        VOID,
        /** Cancelled sales and what was on them. */
        CANCEL,
        /** Returns refunded in full on the day (when the last of their money went back), and their amount. */
        RETURN,
        /** Money given back for returns on the day, by tender (CASH, CARD, CHECK, MOBILE, EXCHANGE). */
        REFUND
    }

    public DayFigure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(listAmount, "listAmount");
        if (name.length() > 64) {
            throw new IllegalArgumentException("a day figure's name has at most 64 characters: " + name);
        }
    }

    public static DayFigure of(Kind kind, String name, int n, BigDecimal amount) {
        return new DayFigure(kind, name, n, BigDecimal.ZERO, amount, BigDecimal.ZERO);
    }

    DayFigure plus(DayFigure other) {
        return new DayFigure(kind, name, n + other.n, units.add(other.units), amount.add(other.amount), listAmount.add(other.listAmount));
    }

    /**
     * The figures with the same kind and name added together, in the order of their keys: the order in
     * which concurrent postings lock the rows, so that two sales never wait for each other in a cycle.
     */
    public static List<DayFigure> merged(List<DayFigure> figures) {
        Map<String, DayFigure> byKey = new LinkedHashMap<>();
        for (DayFigure f : figures) {
            byKey.merge(f.kind().name() + "\u0000" + f.name(), f, DayFigure::plus);
        }
        List<DayFigure> merged = new ArrayList<>(byKey.values());
        merged.sort(Comparator.comparing((DayFigure f) -> f.kind().name()).thenComparing(DayFigure::name));
        return merged;
    }
}
