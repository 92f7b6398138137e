package org.guitai.terminal.display.domain;

/** Where the customer is in the counter flow, as far as the display is concerned. */
public enum DisplayPhase {
    /** No sale: the display greets the next customer. */
    IDLE,
    /** The order is being built or confirmed: lines and the running total. */
    ORDER,
    /** Paid: amount received and change due (唱). */
    PAID,
    /** The sale is complete: a thank-you. */
    THANKS
}
