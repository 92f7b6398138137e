package org.guitai.store.sale.api;

import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** A change to an open sale's line: its quantity, its discount, or both. */
public record ChangeLineRequest(@Pattern(regexp = Amounts.QUANTITY, message = Amounts.QUANTITY_MESSAGE) String quantity,
                                @Pattern(regexp = Amounts.PERCENT, message = Amounts.PERCENT_MESSAGE) String discountPercent,
                                UUID approvalId) {
}
