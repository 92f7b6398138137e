package org.guitai.kernel.contact;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mainland China phone number: a mobile number (11 digits starting 13-19) or a landline with
 * its area code (0 + 2 or 3 digits, then 7 or 8 digits, optionally separated by a dash, e.g.
 * 010-12345678, 0755-1234567). Spaces are ignored; the stored form has no spaces.
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    public PhoneNumber {
        Objects.requireNonNull(value, "value");
        value = value.replace(" ", "");
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a mainland mobile (13800138000) or landline (010-12345678) number");
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null) {
            return false;
        }
        String compact = candidate.replace(" ", "");
        return MOBILE.matcher(compact).matches() || LANDLINE.matcher(compact).matches();
    }

    public boolean isMobile() {
        return MOBILE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
