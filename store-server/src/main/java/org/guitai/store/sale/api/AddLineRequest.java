package org.guitai.store.sale.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * A line by {@code barcode} or {@code sku}; {@code unitPrice} overrides the list price (with a
 * PRICE_OVERRIDE approval), {@code discountPercent} discounts the line (with a DISCOUNT approval
 * above the cashier's limit).
 */
public record AddLineRequest(@NotNull UUID id,
                             @Pattern(regexp = "\\S{1,32}", message = "must be 1 to 32 characters without spaces") String barcode,
                             @Pattern(regexp = "\\S{1,32}", message = "must be 1 to 32 characters without spaces") String sku,
                             @NotNull @Pattern(regexp = Amounts.QUANTITY, message = Amounts.QUANTITY_MESSAGE) String quantity,
                             @Pattern(regexp = Amounts.MONEY, message = Amounts.MONEY_MESSAGE) String unitPrice,
                             @Pattern(regexp = Amounts.PERCENT, message = Amounts.PERCENT_MESSAGE) String discountPercent,
                             UUID approvalId) {
}
