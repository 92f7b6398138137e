package org.guitai.store.approval.domain;

/** What an approval allows, and what it is bound to: a sale, a shift, a return, or nothing more than the terminal. */
public enum ApprovalAction {
    PRICE_OVERRIDE(Subject.SALE),
    DISCOUNT(Subject.SALE),
    VOID_LINE(Subject.SALE),
    VOID_INVOICE(Subject.SALE),
    /** A return of goods: bound to the return (its returnId), approved once per manager. */
    RETURN(Subject.RETURN),
    NO_SALE(Subject.NONE),
    /** Accepting a shift's cash difference beyond the authorised limit at its close. */
    CASH_DIFFERENCE(Subject.SHIFT),
    /** A drop, pay-in or pay-out of a shift that the store's settings put under a manager. */
    CASH_MOVEMENT(Subject.SHIFT);

    /** What the approval names besides the action. */
    public enum Subject {
        SALE,
        SHIFT,
        RETURN,
        NONE
    }

    private final Subject subject;

    ApprovalAction(Subject subject) {
        this.subject = subject;
    }

    public Subject subject() {
        return subject;
    }

    public boolean needsSale() {
        return subject == Subject.SALE;
    }
}
