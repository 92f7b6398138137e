package org.guitai.store.invoice.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

public record VoidInvoiceRequest(@NotNull @Pattern(regexp = "(?s)(?=.*\\S).{1,200}", message = "must be 1 to 200 characters") String reason,
                                 @NotNull UUID approvalId) {
}
