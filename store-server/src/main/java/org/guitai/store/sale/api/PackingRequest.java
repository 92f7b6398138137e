package org.guitai.store.sale.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;

/** The goods checked off at pick-up, line by line. */
public record PackingRequest(@NotNull @Valid List<@NotNull @Valid Checked> lines) {

    public record Checked(@NotNull UUID lineId,
                          @NotNull @Pattern(regexp = "^\\d{1,12}(\\.\\d{1,3})?$", message = "must be a decimal with at most 3 decimals") String quantity) {
    }
}
