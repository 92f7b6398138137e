package org.guitai.store.returns.domain;

/** What the inspection did with a returned line's goods. */
public enum Disposition {
    /** Sellable: back into stock. */
    RESTOCK,
    /** Damaged: written off, the stock does not change. */
    WRITE_OFF
}
