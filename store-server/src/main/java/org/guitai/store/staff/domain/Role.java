package org.guitai.store.staff.domain;

/** What a staff member may do at the store. */
public enum Role {
    CASHIER,
    SALES_ASSOCIATE,
    STORE_MANAGER
}
