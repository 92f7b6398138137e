package org.guitai.store.mobile.domain;

import org.guitai.kernel.problem.PosException;

/** A payment id already names a different mobile charge (another sale, channel or amount): the first one stands (409). */
public class ChargeConflictException extends PosException {

    private static final long serialVersionUID = 1L;

    public ChargeConflictException(String paymentId) {
        super("id-conflict", 409, "Id already used",
                "payment " + paymentId + " was already sent as a different mobile charge: generate a new id");
    }
}
