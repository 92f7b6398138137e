package org.guitai.kernel.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "4111111111111111",            // Visa test number
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "card 5500005555555559 ok",    // Mastercard test number inside text
            "6212345678901232",            // a UnionPay-style 16-digit number that passes Luhn
            "6212345678901234569",         // 19 digits passing Luhn
            "378282246310005"              // Amex, 15 digits
    })
    void spotsCardNumbers(String text) {
        assertTrue(CardNumbers.containsCardNumber(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111111111111112",             // fails Luhn
            "411111111111",                 // 12 digits
            "41111111111111111111",         // 20 digits: part of a longer run
            "558.00",
            "123456",
            "FA12345678",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "4111  1111 1111 1111",         // a double space breaks the grouping
            ""
    })
    void leavesOtherNumbersAlone(String text) {
        assertFalse(CardNumbers.containsCardNumber(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"79927398713", "0", "18"})
    void luhnOfPublishedExamples(String digits) {
        assertTrue(CardNumbers.passesLuhn(digits));
    }
}
