package org.guitai.store.sale.domain;

import org.guitai.kernel.problem.PosException;

/** A client id was reused for a different request: the first one stands (409). */
public class IdConflictException extends PosException {

    private static final long serialVersionUID = 1L;

    public IdConflictException(String what, String id) {
        super("id-conflict", 409, "Id already used", what + " " + id + " already exists with different content: generate a new id");
    }
}
