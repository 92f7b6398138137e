package org.guitai.kernel.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots what looks like a full payment card number (PAN) in free text: 13 to 19 digits, possibly
 * grouped by single spaces or dashes, not part of a longer run of digits, that pass the Luhn check.
 * The system never takes a PAN: card payments carry only the authorisation, its reference and the
 * last four digits.
 */
public final class CardNumbers {

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9])*(?![0-9])");

    private CardNumbers() {
    }

    public static boolean containsCardNumber(String text) {
        if (text == null) {
            return false;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String digits = run.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && passesLuhn(digits)) {
                return true;
            }
        }
        return false;
    }

    /** The Luhn (mod 10) check: from the right, every second digit doubled (minus 9 above 9), the sum a multiple of 10. */
    public static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
