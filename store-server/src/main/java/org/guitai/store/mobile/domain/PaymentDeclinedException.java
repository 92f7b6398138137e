package org.guitai.store.mobile.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** The provider declined the charge (422); the sale is unchanged; a new attempt takes a new payment id and code. */
public class PaymentDeclinedException extends PosException {

    private static final long serialVersionUID = 1L;

    private final String paymentId;
    private final MobileChannel channel;
    private final String reason;

    public PaymentDeclinedException(String paymentId, MobileChannel channel, String reason) {
        super("payment-declined", 422, "Payment declined",
                channel + " declined payment " + paymentId + ": " + reason + "; the customer may pay again with a new code (and a new payment id)");
        this.paymentId = paymentId;
        this.channel = channel;
        this.reason = reason;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("paymentId", paymentId, "channel", channel.name(), "reason", reason);
    }
}
