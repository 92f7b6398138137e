package org.guitai.store.returns.domain;

/** REQUESTED → APPROVED → RECEIVED → PARTLY_REFUNDED (between tenders of a split refund) → REFUNDED. */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    RECEIVED,
    PARTLY_REFUNDED,
    REFUNDED
}
