package org.guitai.store.mobile.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** The payment provider refused to refund a transaction (422); nothing was refunded. */
public class RefundRefusedException extends PosException {

    private static final long serialVersionUID = 1L;

    private final String transactionId;

    public RefundRefusedException(String transactionId, String reason) {
        super("mobile-refund-refused", 422, "Refund refused by the provider", "the provider refused to refund transaction " + transactionId + ": " + reason);
        this.transactionId = transactionId;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("transactionId", transactionId);
    }
}
