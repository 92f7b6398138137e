package org.guitai.store.sale.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** The order discount in percent; above the cashier's limit with a DISCOUNT approval. */
public record DiscountRequest(@NotNull @Pattern(regexp = Amounts.PERCENT, message = Amounts.PERCENT_MESSAGE) String percent,
                              UUID approvalId) {
}
