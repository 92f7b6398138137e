package org.guitai.store.mobile.domain;

import java.util.Objects;

/**
 * The customer's one-time payment code (付款码) as scanned from their phone: 16 to 24 digits, and of the
 * channel named (WeChat Pay: 18 digits starting 10 to 15; Alipay: 16 to 24 digits starting 25 to 30).
 * It is a credential: it is handed to the payment gateway once and never stored, logged or shown, so
 * neither {@link #toString()} nor a refusal repeats it.
 */
public final class PaymentCode {

    private final MobileChannel channel;
    private final String digits;

    /** @throws InvalidPaymentCodeException (422) unless the code is one of the channel's */
    public PaymentCode(MobileChannel channel, String code) {
        this.channel = Objects.requireNonNull(channel);
        if (code == null || !code.matches("\\d{16,24}")) {
            throw new InvalidPaymentCodeException(channel, "a payment code is 16 to 24 digits");
        }
        int prefix = Integer.parseInt(code.substring(0, 2));
        boolean ofChannel = switch (channel) {
            case WECHAT -> code.length() == 18 && prefix >= 10 && prefix <= 15;
            case ALIPAY -> prefix >= 25 && prefix <= 30;
        };
        if (!ofChannel) {
            throw new InvalidPaymentCodeException(channel, switch (channel) {
                case WECHAT -> "a WeChat Pay code is 18 digits starting 10 to 15";
                case ALIPAY -> "an Alipay code is 16 to 24 digits starting 25 to 30";
            });
        }
        this.digits = code;
    }

    public MobileChannel channel() {
        return channel;
    }

    /** The code itself, for the payment gateway's request only. */
    public String digits() {
        return digits;
    }

    /** The last digit (the simulator decides by it). */
    public int lastDigit() {
        return digits.charAt(digits.length() - 1) - '0';
    }

    @Override
    public String toString() {
        return "PaymentCode[" + channel + ", " + digits.length() + " digits]";
    }
}
