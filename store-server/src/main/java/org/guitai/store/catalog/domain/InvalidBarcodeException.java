package org.guitai.store.catalog.domain;

import org.guitai.kernel.problem.PosException;

/** A scan or a typed code that is not an EAN-13 with a correct check digit: most likely a misread. */
public class InvalidBarcodeException extends PosException {

    private static final long serialVersionUID = 1L;

    public InvalidBarcodeException(String barcode) {
        super("invalid-barcode", 400, "Invalid barcode",
                "'" + barcode + "' is not an EAN-13 barcode with a correct check digit: scan it again");
    }
}
