package org.guitai.store.returns.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.guitai.store.returns.domain.Disposition;

/** The goods inspected: every returned line, whole, restocked or written off. */
public record ReceiveReturnRequest(@NotNull @Valid List<@NotNull @Valid ReceivedLine> lines) {

    public record ReceivedLine(@NotNull UUID saleLineId,
                       @NotNull @Pattern(regexp = "^\\d{1,12}(\\.\\d{1,3})?$", message = "must be a positive decimal with at most 3 decimals")
                       String quantity,
                       @NotNull Disposition disposition) {
    }
}
