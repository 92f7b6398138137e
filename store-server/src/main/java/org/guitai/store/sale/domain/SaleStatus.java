package org.guitai.store.sale.domain;

/**
 * OPEN -> CONFIRMED -> PAID -> PACKED -> COMPLETED; a check payment holds the sale in
 * AWAITING_CLEARANCE until the funds clear; CANCELLED ends a sale that was never paid.
 */
public enum SaleStatus {
    OPEN,
    CONFIRMED,
    AWAITING_CLEARANCE,
    PAID,
    PACKED,
    COMPLETED,
    CANCELLED
}
