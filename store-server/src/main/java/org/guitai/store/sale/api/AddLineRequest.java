package org.guitai.store.sale.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** A line by {@code barcode} or {@code sku}; {@code unitPrice} only to override the list price. */
public record AddLineRequest(@NotNull UUID id,
                             @Pattern(regexp = "\\S{1,32}", message = "must be 1 to 32 characters without spaces") String barcode,
                             @Pattern(regexp = "\\S{1,32}", message = "must be 1 to 32 characters without spaces") String sku,
                             @NotNull @Pattern(regexp = Amounts.QUANTITY, message = "must be a positive decimal with at most 3 decimals") String quantity,
                             @Pattern(regexp = Amounts.MONEY, message = "must be a decimal amount such as 12.50") String unitPrice,
                             UUID approvalId) {
}
