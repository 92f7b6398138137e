package org.guitai.store.invoice.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** The buyer of an invoice: name, address and phone are required; tax id and signature are optional. */
public record IssueInvoiceRequest(@NotNull UUID id,
                                  @NotNull @Pattern(regexp = "(?s)(?=.*\\S).{1,100}", message = "must be 1 to 100 characters") String buyerName,
                                  @NotNull @Pattern(regexp = "(?s)(?=.*\\S).{1,200}", message = "must be 1 to 200 characters") String buyerAddress,
                                  @NotNull String buyerPhone,
                                  @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}|[0-9A-Z]{15}|[0-9A-Z]{20}",
                                          message = "must be a unified social credit code (18 characters) or a tax id of 15 or 20") String buyerTaxId,
                                  @Pattern(regexp = "(?s).{0,100}", message = "must be at most 100 characters") String signature) {
}
