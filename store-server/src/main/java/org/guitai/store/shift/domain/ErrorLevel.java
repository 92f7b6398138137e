package org.guitai.store.shift.domain;

import java.math.BigDecimal;

/**
 * The company's grades of a cash difference (the counter procedure's 奖惩 rules). 0.00 is NONE and
 * no violation; any other difference is graded on its absolute value: under 200 LEVEL_1, under
 * 1,000 LEVEL_2, under 3,000 LEVEL_3, from 3,000 MAJOR. A cashier's third violation of a calendar
 * year is at least LEVEL_2 and the fifth (and later) at least LEVEL_3.
 */
public enum ErrorLevel {
    NONE,
    LEVEL_1,
    LEVEL_2,
    LEVEL_3,
    MAJOR;

    private static final BigDecimal LEVEL_2_FROM = new BigDecimal("200");
    private static final BigDecimal LEVEL_3_FROM = new BigDecimal("1000");
    private static final BigDecimal MAJOR_FROM = new BigDecimal("3000");

    /** The grade of the difference alone. */
    public static ErrorLevel of(BigDecimal difference) {
        BigDecimal size = difference.abs();
        if (size.signum() == 0) {
            return NONE;
        }
        if (size.compareTo(LEVEL_2_FROM) < 0) {
            return LEVEL_1;
        }
        if (size.compareTo(LEVEL_3_FROM) < 0) {
            return LEVEL_2;
        }
        return size.compareTo(MAJOR_FROM) < 0 ? LEVEL_3 : MAJOR;
    }

    /**
     * The grade of a difference that is the cashier's {@code violationInYear}-th violation of the
     * calendar year (counting this one); NONE whatever the count when there is no difference.
     */
    public static ErrorLevel of(BigDecimal difference, int violationInYear) {
        ErrorLevel level = of(difference);
        if (level == NONE) {
            return NONE;
        }
        if (violationInYear < 1) {
            throw new IllegalArgumentException("a violation is the first of its year or a later one, not the " + violationInYear + "th");
        }
        ErrorLevel floor = violationInYear >= 5 ? LEVEL_3 : violationInYear >= 3 ? LEVEL_2 : LEVEL_1;
        return level.compareTo(floor) >= 0 ? level : floor;
    }

    public boolean isViolation() {
        return this != NONE;
    }
}
