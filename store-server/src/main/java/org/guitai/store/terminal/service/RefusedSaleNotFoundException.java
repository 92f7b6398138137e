package org.guitai.store.terminal.service;

import org.guitai.kernel.problem.PosException;

/** No sale a terminal reported as refused has this id. */
public class RefusedSaleNotFoundException extends PosException {

    private static final long serialVersionUID = 1L;

    public RefusedSaleNotFoundException(String saleId) {
        super("not-found", 404, "Not found", "no terminal reported a refused sale " + saleId);
    }

    /** The sale was settled already: a second settling changes nothing. */
    public static class AlreadySettled extends PosException {

        private static final long serialVersionUID = 1L;

        public AlreadySettled(String saleId) {
            super("already-settled", 409, "Already settled", "the refused sale " + saleId + " was settled already");
        }
    }
}
