package org.guitai.store.sale.api;

import jakarta.validation.constraints.NotNull;
import org.guitai.store.sale.domain.CheckClearance;

/** A manager's record of a check: CLEARED or BOUNCED. */
public record ClearanceRequest(@NotNull CheckClearance.Outcome outcome) {
}
