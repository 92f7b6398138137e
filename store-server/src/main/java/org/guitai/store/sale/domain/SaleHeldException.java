package org.guitai.store.sale.domain;

import java.time.Instant;
import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** A step on a sale put on hold (挂单): it is recalled (取单) at its terminal first (409). */
public class SaleHeldException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Instant heldAt;

    public SaleHeldException(String saleId, Instant heldAt, String attempted) {
        super("sale-held", 409, "The sale is on hold",
                "sale " + saleId + " is on hold since " + heldAt + ": recall it at its terminal before you " + attempted);
        this.heldAt = heldAt;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("heldAt", heldAt.toString());
    }
}
