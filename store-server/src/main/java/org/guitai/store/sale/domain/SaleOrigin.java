package org.guitai.store.sale.domain;

/** How a sale reached the store: built step by step at the counter, or submitted whole by a terminal. */
public enum SaleOrigin {
    COUNTER,
    DOCUMENT
}
