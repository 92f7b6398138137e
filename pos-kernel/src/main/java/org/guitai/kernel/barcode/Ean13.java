package org.guitai.kernel.barcode;

import java.util.Objects;

/**
 * A 13-digit European Article Number whose last digit is the GS1 check digit: weights 1 and 3
 * alternate from the left over the first twelve digits, and the check digit brings the sum to a
 * multiple of ten.
 */
public record Ean13(String value) {

    public Ean13 {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not an EAN-13 barcode with a correct check digit");
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 13 || !candidate.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(candidate.substring(0, 12)) == candidate.charAt(12) - '0';
    }

    /** The check digit for the first twelve digits. */
    public static int checkDigit(String firstTwelve) {
        if (firstTwelve.length() != 12 || !firstTwelve.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + firstTwelve + "' is not twelve digits");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = firstTwelve.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : digit * 3;
        }
        return (10 - sum % 10) % 10;
    }

    /** Completes twelve digits with their check digit. */
    public static Ean13 complete(String firstTwelve) {
        return new Ean13(firstTwelve + checkDigit(firstTwelve));
    }

    @Override
    public String toString() {
        return value;
    }
}
