package org.guitai.store.returns.domain;

/**
 * REQUESTED → APPROVED → RECEIVED → PARTLY_REFUNDED (between tenders of a split refund) → REFUNDED;
 * CANCELLED from REQUESTED or APPROVED before the goods are received (its units can be returned again).
 */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    RECEIVED,
    PARTLY_REFUNDED,
    REFUNDED,
    CANCELLED
}
