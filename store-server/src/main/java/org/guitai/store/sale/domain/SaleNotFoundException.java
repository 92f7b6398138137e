package org.guitai.store.sale.domain;

import org.guitai.kernel.problem.PosException;

public class SaleNotFoundException extends PosException {

    private static final long serialVersionUID = 1L;

    public SaleNotFoundException(String what) {
        super("sale-not-found", 404, "Sale not found", "no sale has " + what);
    }
}
