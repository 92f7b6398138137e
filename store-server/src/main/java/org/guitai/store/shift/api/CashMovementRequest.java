package org.guitai.store.shift.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.guitai.store.shift.domain.CashMovement;

/** A drop, pay-in or pay-out with its reason; {@code approvalId} where the store puts the type under a manager. */
public record CashMovementRequest(@NotNull UUID id,
                                  @NotNull CashMovement.Type type,
                                  @NotNull @Pattern(regexp = "^\\d{1,15}(\\.\\d{1,4})?$", message = "must be a decimal amount such as 12.50") String amount,
                                  @NotNull @Pattern(regexp = "(?s)(?=.*\\S).{1,200}", message = "must be 1 to 200 characters") String reason,
                                  UUID approvalId) {
}
