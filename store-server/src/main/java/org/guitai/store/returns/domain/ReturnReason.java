package org.guitai.store.returns.domain;

/** Why the goods come back, which decides who bears the cost. */
public enum ReturnReason {
    /** A quality problem: the company bears the cost. */
    QUALITY,
    /** The customer changed their mind: only within the store's return window. */
    CHANGE_OF_MIND,
    /** A staff member's mistake: the cost is attributed to them and goes on their performance record. */
    STAFF_ERROR;

    /** True when a responsible staff member must be named. */
    public boolean needsResponsibleStaff() {
        return this == STAFF_ERROR;
    }
}
