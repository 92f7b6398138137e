package org.guitai.store.sale.domain;

/**
 * The store's gapless sequences, rows of {@code number_counter}: a number is taken in the
 * transaction that uses it, under the row's lock, so it is used only if that transaction commits
 * and never twice (see {@code GaplessNumbers}).
 */
public final class NumberCounter {

    /** Paid slips. */
    public static final String SLIP = "slip";

    private NumberCounter() {
    }
}
