package org.guitai.store.sale.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** A call that is illegal in the sale's current state (409); the problem names the state. */
public class SaleStateException extends PosException {

    private static final long serialVersionUID = 1L;

    private final SaleStatus status;

    public SaleStateException(String saleId, SaleStatus status, String attempted) {
        super("sale-state", 409, "Not allowed in the sale's state",
                "sale " + saleId + " is " + status + ": cannot " + attempted);
        this.status = status;
    }

    public SaleStatus state() {
        return status;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("state", status.name());
    }
}
