package org.guitai.kernel.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
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
            "378282246310005",             // Amex, 15 digits
            "3782 822463 10005",           // Amex as printed, 4-6-5
            "pan:4111111111111111;",
            "TR4111111111111111",          // letters around it do not hide it
            "card4111-1111-1111-1111x",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301 4111111111111111",   // a UUID beside it does not hide it
            "4111111111111111-3f2504e0-4f89-11d3-9a0c-0305e82c3301"
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
            "41111111-1111-1111",           // 8-4-4 is not how cards are printed
            "12345678-1234-4123-a123-426614174000",   // a UUID whose first segments are digits
            "94111111111111111",            // inside a longer number (17 digits, fails Luhn as a whole)
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

    @Test
    void neverMistakesAUuidForACardNumber() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200_000; i++) {
            String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
            assertFalse(CardNumbers.containsCardNumber(uuid), uuid);
        }
        for (int i = 0; i < 10_000; i++) {
            // UUIDs made only of digits, the worst case
            StringBuilder digits = new StringBuilder();
            for (int d = 0; d < 32; d++) {
                digits.append(random.nextInt(10));
            }
            String uuid = digits.substring(0, 8) + "-" + digits.substring(8, 12) + "-" + digits.substring(12, 16) + "-"
                    + digits.substring(16, 20) + "-" + digits.substring(20);
            assertFalse(CardNumbers.containsCardNumber(uuid), uuid);
        }
    }
}
