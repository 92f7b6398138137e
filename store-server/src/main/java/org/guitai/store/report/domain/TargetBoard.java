package org.guitai.store.report.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** 目标公示: the month's store target, the sales against it, and each person's share and progress. */
public record TargetBoard(YearMonth month, String currency, Optional<BigDecimal> amount, BigDecimal sales, Optional<BigDecimal> attainment,
                          List<Share> staff) {

    /** A staff member's share of the target (none when not split to them) and the sales credited to them this month. */
    public record Share(String staffCode, String name, Optional<BigDecimal> target, BigDecimal sales, Optional<BigDecimal> attainment) {
    }

    /** Sales as a fraction of the target (0.8500), none without a positive target. */
    public static Optional<BigDecimal> attainment(BigDecimal sales, Optional<BigDecimal> target) {
        return target.filter(t -> t.signum() > 0).map(t -> sales.divide(t, 4, java.math.RoundingMode.HALF_UP));
    }
}
