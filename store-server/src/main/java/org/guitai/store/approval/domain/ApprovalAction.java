package org.guitai.store.approval.domain;

/** What an approval allows. All but NO_SALE and CASH_DIFFERENCE are bound to a sale. */
public enum ApprovalAction {
    PRICE_OVERRIDE(true),
    DISCOUNT(true),
    VOID_LINE(true),
    VOID_INVOICE(true),
    RETURN(true),
    NO_SALE(false),
    CASH_DIFFERENCE(false);

    private final boolean needsSale;

    ApprovalAction(boolean needsSale) {
        this.needsSale = needsSale;
    }

    public boolean needsSale() {
        return needsSale;
    }
}
