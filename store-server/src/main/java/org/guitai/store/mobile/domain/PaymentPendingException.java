package org.guitai.store.mobile.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/**
 * The charge was sent but the provider cannot tell yet whether it went through (409): the client
 * asks again with the SAME payment id, which asks the gateway again and never charges a second time.
 * Meanwhile the sale takes no other tender, change, cancel or hold ({@link #blocking}).
 */
public class PaymentPendingException extends PosException {

    private static final long serialVersionUID = 1L;

    private final String paymentId;

    public PaymentPendingException(String paymentId, MobileChannel channel, String why) {
        this(paymentId, channel + " cannot tell yet whether payment " + paymentId + " went through (" + why
                + "); retry with the same payment id: the store asks again and never charges twice");
    }

    private PaymentPendingException(String paymentId, String detail) {
        super("payment-pending", 409, "Payment pending", detail);
        this.paymentId = paymentId;
    }

    /**
     * The sale cannot {@code attempted} while mobile payment {@code paymentId} of it is being charged
     * or was approved and is not on it yet: the charge holds the amount until it is settled.
     */
    public static PaymentPendingException blocking(String paymentId, MobileChannel channel, String attempted) {
        return new PaymentPendingException(paymentId, "the sale cannot " + attempted + " while its " + channel + " payment " + paymentId
                + " is pending: wait for its answer or retry it with the same payment id, which records it on the sale");
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("paymentId", paymentId, "retryWithSameId", true);
    }
}
