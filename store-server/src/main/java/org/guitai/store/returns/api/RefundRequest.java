package org.guitai.store.returns.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.guitai.store.returns.domain.RefundTender;

@Schema(description = "A refund to the next tender of the return's refundPlan (amount: at most the plan's amount for it, by default all of it). "
        + "CASH: counted, the pieces paid out of the drawer, which make the amount. CARD: reversalReference of the reversal on the card "
        + "terminal. MOBILE: refunded through the payment gateway by the original transaction id. CHECK: only once the check cleared")
public record RefundRequest(@NotNull UUID id,
                            @NotNull RefundTender tender,
                            @Pattern(regexp = "^\\d{1,15}(\\.\\d{1,2})?$", message = "must be a decimal amount such as 12.50") String amount,
                            @Valid List<@NotNull @Valid PaidOutPieces> counted,
                            @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be 1 to 40 letters, digits or dashes") String reversalReference,
                            UUID saleId) {

    public record PaidOutPieces(@NotNull @Pattern(regexp = "^\\d{1,15}(\\.\\d{1,2})?$", message = "must be a decimal amount such as 12.50") String denomination,
                          int count) {
    }
}
