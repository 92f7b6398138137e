package org.guitai.store.sale.domain;

public enum Tender {
    CASH,
    CHECK,
    CARD
}
