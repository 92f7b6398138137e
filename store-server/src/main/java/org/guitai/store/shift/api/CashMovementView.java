package org.guitai.store.shift.api;

import org.guitai.store.shift.domain.CashMovement;

public record CashMovementView(String id, String shiftId, String type, String amount, String reason, String staffCode, String approvedBy,
                               String at) {

    static CashMovementView of(CashMovement m) {
        return new CashMovementView(m.id(), m.shiftId(), m.type().name(), m.amount().toPlainString(), m.reason(), m.staffCode(),
                m.approvedBy().orElse(null), m.at().toString());
    }
}
