package org.guitai.terminal.display.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.guitai.terminal.display.domain.CustomerView;
import org.guitai.terminal.display.domain.DisplayPhase;

/**
 * The cashier's screen reporting the sale: its phase, lines and figures as the store gave them,
 * and the cashier's language. At most {@link CustomerView#MAX_ITEMS} lines, which the view checks
 * (Payara's OpenAPI scanner fails on {@code @Size} of a record component).
 */
public record DisplayUpdate(@NotNull DisplayPhase phase,
                            String saleId,
                            @Valid List<@NotNull Line> lines,
                            String total,
                            String received,
                            String change,
                            String announcement,
                            @Pattern(regexp = "zh-CN|en", message = "is zh-CN or en") String language) {

    public record Line(String name, String quantity, String amount) {
    }

    CustomerView view() {
        return new CustomerView(phase, Optional.ofNullable(saleId), lines == null ? List.of()
                : lines.stream().map(l -> new CustomerView.Item(l.name(), l.quantity(), l.amount())).toList(),
                Optional.ofNullable(total), Optional.ofNullable(received), Optional.ofNullable(change), Optional.ofNullable(announcement));
    }

    @Override
    public String language() {
        return language == null ? "zh-CN" : language;
    }
}
