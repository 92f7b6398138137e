package org.guitai.terminal.display.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sale as the customer may see it: the names, quantities and amounts of its lines, the total,
 * and once paid what was received, the change and the announcement. Amounts are the store's own
 * decimal strings, shown as they are and never recomputed here.
 */
public record CustomerView(DisplayPhase phase, Optional<String> saleId, List<Item> items, Optional<String> total,
                           Optional<String> received, Optional<String> change, Optional<String> announcement) {

    /** Money as the store writes it: an optional minus, digits, and at most two decimals. */
    private static final String AMOUNT = "-?\\d{1,13}(\\.\\d{1,4})?";
    private static final String QUANTITY = "\\d{1,9}(\\.\\d{1,3})?";
    /** More lines than a counter sale has; a display is no place for a bulk order's every line. */
    public static final int MAX_ITEMS = 200;

    public record Item(String name, String quantity, String amount) {

        public Item {
            name = requireText(name, "an item's name", 120);
            if (quantity == null || !quantity.matches(QUANTITY)) {
                throw new IllegalArgumentException("an item's quantity is a decimal such as 2 or 1.5, not " + quantity);
            }
            amount = requireAmount(amount, "an item's amount");
        }
    }

    public CustomerView {
        Objects.requireNonNull(phase, "phase");
        items = List.copyOf(items);
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a display shows at most " + MAX_ITEMS + " lines, not " + items.size());
        }
        saleId.ifPresent(id -> requireText(id, "the sale id", 64));
        total.ifPresent(t -> requireAmount(t, "the total"));
        received.ifPresent(r -> requireAmount(r, "the amount received"));
        change.ifPresent(c -> requireAmount(c, "the change"));
        announcement.ifPresent(a -> requireText(a, "the announcement", 200));
        if (phase == DisplayPhase.IDLE && (!items.isEmpty() || saleId.isPresent())) {
            throw new IllegalArgumentException("an idle display shows no sale");
        }
    }

    /** The display between customers. */
    public static CustomerView idle() {
        return new CustomerView(DisplayPhase.IDLE, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static String requireAmount(String value, String what) {
        if (value == null || !value.matches(AMOUNT)) {
            throw new IllegalArgumentException(what + " is a decimal amount such as 279.00, not " + value);
        }
        return value;
    }

    private static String requireText(String value, String what, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(what + " is 1 to " + max + " characters");
        }
        return value.strip();
    }
}
