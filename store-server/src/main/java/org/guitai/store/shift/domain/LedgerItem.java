package org.guitai.store.shift.domain;

/** One running total of a shift's ledger, with the column that keeps it. */
public enum LedgerItem {
    SALES_COUNT("sales_count", true),
    SALES_AMOUNT("sales_amount", false),
    DISCOUNT_AMOUNT("discount_amount", false),
    VOIDED_LINES("voided_lines", true),
    VOIDED_AMOUNT("voided_amount", false),
    CANCELLED_COUNT("cancelled_count", true),
    CANCELLED_AMOUNT("cancelled_amount", false),
    CASH_COUNT("cash_count", true),
    /** Cash tendered and accepted, before change. */
    CASH_RECEIVED("cash_received", false),
    /** The part of the cash received that paid sales. */
    CASH_APPLIED("cash_applied", false),
    CHANGE_GIVEN("change_given", false),
    /** 抹零: what the store waived because cash cannot pay the last fen. */
    CASH_WAIVED("cash_waived", false),
    CARD_COUNT("card_count", true),
    CARD_AMOUNT("card_amount", false),
    CHECK_COUNT("check_count", true),
    CHECK_AMOUNT("check_amount", false),
    MOBILE_COUNT("mobile_count", true),
    MOBILE_AMOUNT("mobile_amount", false),
    CASH_REFUNDS("cash_refunds", false),
    CARD_REFUNDS("card_refunds", false),
    CHECK_REFUNDS("check_refunds", false),
    MOBILE_REFUNDS("mobile_refunds", false),
    /** 验: notes handed over and refused as suspect. */
    REJECTED_NOTES("rejected_notes", true),
    REJECTED_AMOUNT("rejected_amount", false),
    NO_SALES("no_sales", true),
    PAY_INS("pay_ins", false),
    PAY_OUTS("pay_outs", false),
    DROPS("drops", false);

    private final String column;
    private final boolean count;

    LedgerItem(String column, boolean count) {
        this.column = column;
        this.count = count;
    }

    public String column() {
        return column;
    }

    /** A number of things rather than an amount of money. */
    public boolean isCount() {
        return count;
    }
}
