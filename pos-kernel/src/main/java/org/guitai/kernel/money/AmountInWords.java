package org.guitai.kernel.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes an amount in Chinese financial uppercase (大写金额), the one implementation the system uses
 * on slips and invoices (价税合计). The convention:
 * <ul>
 * <li>Digits 零壹贰叁肆伍陆柒捌玖, places 拾佰仟 within a group of four, then 万 (10^4) and 亿 (10^8);
 * ten is 壹拾, never 拾 alone.</li>
 * <li>Any run of zeros between two non-zero digits of the yuan part is one 零, also across 万 and 亿
 * (壹仟肆佰零玖元, 壹拾万零柒仟元, 壹仟万零壹仟元整); trailing zeros are not written.</li>
 * <li>Then 元. 整 only when 角 and 分 are both 0; nothing after 角 (壹仟肆佰零玖元伍角);
 * 零 between 元 and 分 when 角 is 0 (壹万陆仟肆佰零玖元零贰分); no 零 between 元 and 角
 * (壹仟陆佰捌拾元叁角贰分).</li>
 * <li>零元整 for zero; nothing before 角 or 分 below one yuan (伍角叁分); 负 before a negative amount.</li>
 * </ul>
 *
 * <h2>Amounts of 10^8 and above</h2>
 * The yuan part is written recursively: A × 10^8 + B is the words of A, then 亿, then (with one 零
 * when zeros separate the last non-zero digit of A from the first of B) the words of B; A × 10^4 + B
 * below 10^8 likewise with 万. So the part above 亿 is itself a number with 万 and 亿, never a unit
 * "万亿" followed by a separate 亿 group:
 * <ul>
 * <li>10^12 is 壹万亿元整 (the "万亿" of DESIGN.md), 10^12 + 1 is 壹万亿零壹元整,
 * 1,000,100,000,000 is 壹万零壹亿元整;</li>
 * <li>1,234,567,890,123.45 is 壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分.</li>
 * </ul>
 * From 10^16 the part above 亿 reaches 亿 itself, so 亿 is written twice: 10^16 is 壹亿亿元整
 * (亿亿 as in the common "每秒9.3亿亿次" for 9.3 × 10^16), 10^16 + 10^8 is 壹亿零壹亿元整 and the
 * largest amount, 99,999,999,999,999,999.99, is
 * 玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分. (Some open-source
 * converters, rmb-x and rosbit/cn-amount-capitalizer, write 10^16 as 壹万万亿 instead; 万万 is 亿, the
 * value is the same, the recursion keeps 亿亿. The classical unit 京 is not used.)
 * <p>
 * Amounts up to 99,999,999,999,999,999.99 are written: the largest a {@code DECIMAL(19,2)} column holds.
 */
public final class AmountInWords {

    /** One more than the largest amount written: 10^17. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(17);

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";

    /** The units a number is split at, largest first, each with the character written after its multiple. */
    private static final long[] UNITS = {1_0000_0000L, 1_0000L, 1000L, 100L, 10L};
    private static final char[] UNIT_NAMES = {'亿', '万', '仟', '佰', '拾'};

    private AmountInWords() {
    }

    public static String of(Money money) {
        return of(money.amount());
    }

    /** @throws IllegalArgumentException for more than two decimals or an amount at or beyond {@link #LIMIT} */
    public static String of(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more than two decimals (角 and 分)");
        }
        BigDecimal abs = amount.abs().setScale(2, RoundingMode.UNNECESSARY);
        if (abs.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException(amount.toPlainString() + " is beyond the largest amount written in words");
        }
        if (abs.signum() == 0) {
            return "零元整";
        }
        // below 10^17 the yuan fit in a long (10^17 yuan in fen would not): keep the two decimals apart
        long yuan = abs.toBigInteger().longValueExact();
        int cents = abs.remainder(BigDecimal.ONE).movePointRight(2).intValueExact();
        int jiao = cents / 10;
        int fen = cents % 10;

        StringBuilder words = new StringBuilder();
        if (amount.signum() < 0) {
            words.append('负');
        }
        if (yuan > 0) {
            appendYuan(words, yuan);
            words.append('元');
        }
        if (jiao == 0 && fen == 0) {
            words.append('整');
            return words.toString();
        }
        if (jiao > 0) {
            words.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            words.append('零');
        }
        if (fen > 0) {
            words.append(DIGITS.charAt(fen)).append('分');
        }
        return words.toString();
    }

    /**
     * Writes {@code number} (at least 1) as high × unit + low for the largest unit not above it: the words
     * of high, the unit, then the words of low. One 零 stands for the zeros between the last non-zero
     * digit of high and the first of low: there are some when high ends in 0 or low has fewer digits
     * than the unit leaves room for. Trailing zeros (low = 0) are not written.
     */
    private static void appendYuan(StringBuilder words, long number) {
        for (int i = 0; i < UNITS.length; i++) {
            long unit = UNITS[i];
            if (number >= unit) {
                long high = number / unit;
                long low = number % unit;
                appendYuan(words, high);
                words.append(UNIT_NAMES[i]);
                if (low > 0) {
                    if (high % 10 == 0 || low < unit / 10) {
                        words.append('零');
                    }
                    appendYuan(words, low);
                }
                return;
            }
        }
        words.append(DIGITS.charAt((int) number));
    }
}
