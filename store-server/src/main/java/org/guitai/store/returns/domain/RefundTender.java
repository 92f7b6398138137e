package org.guitai.store.returns.domain;

/** Where a refund goes: the original tender, or a new sale of an exchange. */
public enum RefundTender {
    CASH,
    CARD,
    CHECK,
    MOBILE,
    /** Credited to a new sale at the counter (换货). */
    EXCHANGE
}
