package org.guitai.store.invoice.domain;

import org.guitai.kernel.problem.PosException;

public class InvoiceNotFoundException extends PosException {

    private static final long serialVersionUID = 1L;

    public InvoiceNotFoundException(String number) {
        super("invoice-not-found", 404, "Invoice not found", "no invoice has the number " + number);
    }
}
