package org.guitai.store.shift.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * So many pieces of one denomination, as counted. The count is read as a number and checked by the
 * cash office (a fractional or negative count is a business refusal, 422, like an unknown denomination).
 */
public record CountedPieces(@NotNull @Pattern(regexp = "^\\d{1,15}(\\.\\d{1,4})?$", message = "must be a decimal amount such as 0.50") String denomination,
                            @NotNull BigDecimal count) {

    static List<Map.Entry<BigDecimal, BigDecimal>> entries(List<CountedPieces> pieces) {
        return pieces.stream().map(p -> Map.entry(new BigDecimal(p.denomination()), p.count())).toList();
    }
}
