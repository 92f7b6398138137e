package org.guitai.store.mobile.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which scanned codes are payment codes of which wallet; a refusal never repeats the code. */
class PaymentCodeTest {

    @ParameterizedTest
    @CsvSource({
            "WECHAT, 134567890123456781",     // 18 digits starting 10-15
            "WECHAT, 101234567890123450",
            "WECHAT, 151234567890123459",
            "ALIPAY, 2812345678901234",        // 16 digits starting 25-30
            "ALIPAY, 251234567890123456789012", // 24 digits
            "ALIPAY, 301234567890123456"})
    void takesTheCodesOfTheChannel(MobileChannel channel, String code) {
        PaymentCode paymentCode = new PaymentCode(channel, code);
        assertEquals(code, paymentCode.digits());
        assertEquals(code.charAt(code.length() - 1) - '0', paymentCode.lastDigit());
        assertFalse(paymentCode.toString().contains(code), "toString never shows the code: " + paymentCode);
    }

    @ParameterizedTest
    @CsvSource({
            "WECHAT, 16123456789012345",       // 17 digits
            "WECHAT, 1612345678901234567",     // 19 digits
            "WECHAT, 161234567890123456",      // starts 16
            "WECHAT, 091234567890123456",      // starts 09
            "WECHAT, 281234567890123456",      // an Alipay code
            "ALIPAY, 134567890123456781",      // a WeChat code
            "ALIPAY, 311234567890123456",      // starts 31
            "ALIPAY, 241234567890123456",      // starts 24
            "ALIPAY, 281234567890123",         // 15 digits
            "ALIPAY, 2812345678901234567890123", // 25 digits
            "ALIPAY, 28123456789012345a",
            "WECHAT, ' 134567890123456781'",
            "WECHAT, 1345-6789-0123-4567"})
    void refusesAnythingElseWith422WithoutRepeatingIt(MobileChannel channel, String code) {
        InvalidPaymentCodeException refused = assertThrows(InvalidPaymentCodeException.class, () -> new PaymentCode(channel, code));
        assertEquals("invalid-payment-code", refused.slug());
        assertEquals(422, refused.status());
        assertFalse(refused.getMessage().contains(code.trim()), refused.getMessage());
        assertFalse(String.valueOf(refused.detail()).contains(code.trim()), refused.detail());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesNoCode(String code) {
        assertThrows(InvalidPaymentCodeException.class, () -> new PaymentCode(MobileChannel.WECHAT, code));
    }
}
