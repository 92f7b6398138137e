package org.guitai.store.sale.api;

import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * A change to an open sale's line: its quantity, its discount, its price ({@code unitPrice}, the
 * price before discounts: away from the list price with a manager's PRICE_OVERRIDE approval), or
 * several at once (a price override and a discount above the limit need two requests, one approval each).
 */
public record ChangeLineRequest(@Pattern(regexp = Amounts.QUANTITY, message = Amounts.QUANTITY_MESSAGE) String quantity,
                                @Pattern(regexp = Amounts.PERCENT, message = Amounts.PERCENT_MESSAGE) String discountPercent,
                                @Pattern(regexp = Amounts.MONEY, message = Amounts.MONEY_MESSAGE) String unitPrice,
                                UUID approvalId) {
}
