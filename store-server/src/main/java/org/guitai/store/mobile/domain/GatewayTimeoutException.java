package org.guitai.store.mobile.domain;

/**
 * The payment gateway's answer to a charge was lost: the charge may or may not have gone through.
 * It is resolved by asking the gateway about the merchant reference, never by charging again.
 */
public class GatewayTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GatewayTimeoutException(String merchantReference) {
        super("no answer from the payment gateway for merchant reference " + merchantReference);
    }
}
