package org.guitai.kernel.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes an amount in Chinese financial uppercase (大写金额), the one implementation the system uses
 * on slips and invoices (价税合计). The convention:
 * <ul>
 * <li>Digits 零壹贰叁肆伍陆柒捌玖, places 拾佰仟 within a group of four, groups 万 (10^4), 亿 (10^8),
 * 万亿 (10^12), 亿亿 (10^16); ten is 壹拾, never 拾 alone.</li>
 * <li>Any run of zeros between two non-zero digits of the yuan part is one 零, also across 万 and 亿
 * (壹仟肆佰零玖元, 壹拾万零柒仟元, 壹仟万零壹仟元整); trailing zeros are not written.</li>
 * <li>Then 元. 整 only when 角 and 分 are both 0; nothing after 角 (壹仟肆佰零玖元伍角);
 * 零 between 元 and 分 when 角 is 0 (壹万陆仟肆佰零玖元零贰分); no 零 between 元 and 角
 * (壹仟陆佰捌拾元叁角贰分).</li>
 * <li>零元整 for zero; nothing before 角 or 分 below one yuan (伍角叁分); 负 before a negative amount.</li>
 * </ul>
 * Amounts up to 99,999,999,999,999,999.99 are written: the largest a {@code DECIMAL(19,2)} column holds.
 */
public final class AmountInWords {

    /** One more than the largest amount written: 10^17. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(17);

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿", "亿亿"};

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
        // 10^17 yuan in fen overflows a long: keep the yuan as digits, the two decimals apart
        String yuan = abs.toBigInteger().toString();
        int cents = abs.remainder(BigDecimal.ONE).movePointRight(2).intValueExact();
        int jiao = cents / 10;
        int fen = cents % 10;
        boolean hasYuan = !"0".equals(yuan);

        StringBuilder words = new StringBuilder();
        if (amount.signum() < 0) {
            words.append('负');
        }
        if (hasYuan) {
            appendYuan(words, yuan);
            words.append('元');
        }
        if (jiao == 0 && fen == 0) {
            words.append('整');
            return words.toString();
        }
        if (jiao > 0) {
            words.append(DIGITS.charAt(jiao)).append('角');
        } else if (hasYuan) {
            words.append('零');
        }
        if (fen > 0) {
            words.append(DIGITS.charAt(fen)).append('分');
        }
        return words.toString();
    }

    private static void appendYuan(StringBuilder words, String digits) {
        int length = digits.length();
        boolean zerosPending = false;
        boolean groupHasDigit = false;
        for (int i = 0; i < length; i++) {
            int digit = digits.charAt(i) - '0';
            int power = length - 1 - i;
            if (digit == 0) {
                zerosPending = true;
            } else {
                if (zerosPending) {
                    words.append('零');
                    zerosPending = false;
                }
                words.append(DIGITS.charAt(digit)).append(PLACES[power % 4]);
                groupHasDigit = true;
            }
            if (power % 4 == 0) {
                if (groupHasDigit) {
                    words.append(GROUPS[power / 4]);
                }
                groupHasDigit = false;
            }
        }
    }
}
