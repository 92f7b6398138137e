package org.guitai.store.mobile.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/**
 * The provider approved the mobile charge, so the customer paid, but the sale no longer takes it
 * (409): the cashier must not charge again; the charge is listed on the shift's X/Z report until a
 * retry records it or it is refunded at the provider.
 */
public class ChargedNotRecordedException extends PosException {

    private static final long serialVersionUID = 1L;

    private final String paymentId;
    private final String transactionId;

    public ChargedNotRecordedException(String paymentId, MobileChannel channel, String transactionId, String why) {
        super("charged-not-recorded", 409, "Charged but not recorded",
                "the customer paid: " + channel + " approved payment " + paymentId + " (transaction " + transactionId
                        + ") but the sale does not take it (" + why + "); do not charge again: refund the transaction at the provider"
                        + " or settle the sale and retry with the same payment id");
        this.paymentId = paymentId;
        this.transactionId = transactionId;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("paymentId", paymentId, "transactionId", transactionId);
    }
}
