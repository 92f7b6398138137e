package org.guitai.hq.store.domain;

import org.guitai.kernel.problem.PosException;

/** A delivery without the credential of the store it claims to come from; says nothing more. */
public class StoreNotAuthenticatedException extends PosException {

    private static final long serialVersionUID = 1L;

    public StoreNotAuthenticatedException() {
        super("store-not-authenticated", 401, "Store not authenticated",
                "the store id and credential do not match a store of this chain");
    }
}
