package org.guitai.store.sale.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code printed on a paid slip and in its Code 128 barcode: the store's id and the gapless
 * slip number, e.g. {@code S001-00000042}. Scanning it at the pick-up counter finds the sale.
 */
public record SlipNumber(String storeId, long number) {

    private static final Pattern CODE = Pattern.compile("([A-Z0-9]{1,16})-(\\d{8,})");

    public String code() {
        String digits = Long.toString(number);
        return storeId + "-" + "0".repeat(Math.max(0, 8 - digits.length())) + digits;
    }

    public static Optional<SlipNumber> parse(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SlipNumber(m.group(1), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return code();
    }
}
