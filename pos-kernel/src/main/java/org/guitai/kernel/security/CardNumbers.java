package org.guitai.kernel.security;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots what looks like a full payment card number (PAN) in free text: 13 to 19 digits passing
 * the Luhn check, not part of a longer number (letters around it do not hide it: "TR4111..."),
 * either unbroken or grouped the way cards print them: fours (the last group shorter), or 4-6-5
 * and 4-6-4. UUIDs are set aside first: their hex digits can form such runs by chance. The system
 * never takes a PAN: card payments carry only the authorisation, its reference and the last four digits.
 */
public final class CardNumbers {

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9]+(?:[ -][0-9]+)*(?![0-9])");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CardNumbers() {
    }

    public static boolean containsCardNumber(String text) {
        // most values checked are ids, amounts and words: settled without a regular expression
        if (text == null || digits(text) < 13 || isUuid(text)) {
            return false;
        }
        Matcher run = DIGIT_RUN.matcher(UUID.matcher(text).replaceAll(" "));
        while (run.find()) {
            String[] groups = run.group().split("[ -]");
            String digits = String.join("", groups);
            if (digits.length() >= 13 && digits.length() <= 19 && groupedLikeACard(groups) && passesLuhn(digits)) {
                return true;
            }
        }
        return false;
    }

    private static int digits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    /** Exactly one UUID and nothing else (the canonical 8-4-4-4-12 hex form). */
    private static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }

    private static boolean groupedLikeACard(String[] groups) {
        if (groups.length == 1) {
            return true;
        }
        int[] sizes = Arrays.stream(groups).mapToInt(String::length).toArray();
        if (Arrays.equals(sizes, new int[] {4, 6, 5}) || Arrays.equals(sizes, new int[] {4, 6, 4})) {
            return true;
        }
        for (int i = 0; i < sizes.length - 1; i++) {
            if (sizes[i] != 4) {
                return false;
            }
        }
        return sizes[sizes.length - 1] >= 1 && sizes[sizes.length - 1] <= 4;
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
