package org.guitai.store.mobile.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** The scanned payment code is not one of the channel's (422); the problem never repeats the code. */
public class InvalidPaymentCodeException extends PosException {

    private static final long serialVersionUID = 1L;

    private final MobileChannel channel;

    public InvalidPaymentCodeException(MobileChannel channel, String rule) {
        super("invalid-payment-code", 422, "Invalid payment code",
                "the payment code scanned is not a " + channel + " payment code: " + rule + "; scan the customer's code again");
        this.channel = channel;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("channel", channel.name());
    }
}
