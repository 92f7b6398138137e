package org.guitai.store.shift.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Cash taken to the safe (DROP), put in (PAY_IN) or paid out of the drawer (PAY_OUT), with its reason. */
public record CashMovement(String id, String shiftId, Type type, BigDecimal amount, String reason, String staffCode,
                           Optional<String> approvedBy, Instant at) {

    public enum Type {
        DROP(LedgerItem.DROPS),
        PAY_IN(LedgerItem.PAY_INS),
        PAY_OUT(LedgerItem.PAY_OUTS);

        private final LedgerItem item;

        Type(LedgerItem item) {
            this.item = item;
        }

        /** The running total it adds to. */
        public LedgerItem item() {
            return item;
        }

        /** Takes cash out of the drawer. */
        public boolean takesCash() {
            return this != PAY_IN;
        }
    }

    public Ledger posting() {
        return Ledger.empty().plus(type.item(), amount);
    }
}
