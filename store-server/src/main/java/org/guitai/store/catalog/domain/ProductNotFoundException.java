package org.guitai.store.catalog.domain;

import org.guitai.kernel.problem.PosException;

public class ProductNotFoundException extends PosException {

    private static final long serialVersionUID = 1L;

    public ProductNotFoundException(String what) {
        super("product-not-found", 404, "Product not found", "no product in the catalog has " + what);
    }
}
