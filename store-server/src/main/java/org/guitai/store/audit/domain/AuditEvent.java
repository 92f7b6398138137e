package org.guitai.store.audit.domain;

/** What the audit log records. */
public enum AuditEvent {
    LOGIN_FAILED,
    LOGIN_LOCKED,
    LOGIN_UNLOCKED,
    STAFF_DISABLED,
    APPROVAL_GRANTED,
    APPROVAL_REFUSED,
    PRICE_OVERRIDE,
    DISCOUNT,
    LINE_VOIDED,
    SALE_CANCELLED,
    CHECK_CLEARED,
    CHECK_BOUNCED,
    INVOICE_VOIDED,
    NO_SALE,
    DELIVERY_STATUS,
    SALE_SUBMITTED_FOR,
    OUTBOX_REQUEUED
}
