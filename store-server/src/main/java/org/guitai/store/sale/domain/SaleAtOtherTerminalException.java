package org.guitai.store.sale.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** A step of a sale's order or checkout asked from another counter than the one serving it (409). */
public class SaleAtOtherTerminalException extends PosException {

    private static final long serialVersionUID = 1L;

    private final String saleTerminal;

    public SaleAtOtherTerminalException(String saleId, String saleTerminal, String callerTerminal, String attempted) {
        super("sale-at-other-terminal", 409, "The sale is served at another counter",
                "sale " + saleId + " is served at " + saleTerminal + ": " + callerTerminal + " cannot " + attempted);
        this.saleTerminal = saleTerminal;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("terminalId", saleTerminal);
    }
}
