package org.guitai.terminal.device.domain;

import org.guitai.kernel.problem.PosException;

/** A photo in which no barcode or QR code could be read. */
public class NoBarcodeFoundException extends PosException {

    private static final long serialVersionUID = 1L;

    public NoBarcodeFoundException(String detail) {
        super("no-barcode-found", 422, "No barcode found", detail);
    }
}
