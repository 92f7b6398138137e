package org.guitai.store.mobile.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/**
 * The charge was sent but the provider cannot tell yet whether it went through (409): the client
 * asks again with the SAME payment id, which asks the gateway again and never charges a second time.
 */
public class PaymentPendingException extends PosException {

    private static final long serialVersionUID = 1L;

    private final String paymentId;

    public PaymentPendingException(String paymentId, MobileChannel channel, String why) {
        super("payment-pending", 409, "Payment pending",
                channel + " cannot tell yet whether payment " + paymentId + " went through (" + why
                        + "); retry with the same payment id: the store asks again and never charges twice");
        this.paymentId = paymentId;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("paymentId", paymentId, "retryWithSameId", true);
    }
}
