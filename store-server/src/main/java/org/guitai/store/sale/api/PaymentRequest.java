package org.guitai.store.sale.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.guitai.store.sale.domain.RejectedNote;
import org.guitai.store.sale.domain.Tender;

/**
 * A tender. CASH: {@code amountDue} (查), {@code counted} notes by denomination (数), {@code rejected}
 * suspect notes (验), and {@code amount} only when cash pays part of a split.
 */
public record PaymentRequest(@NotNull UUID id,
                             @NotNull Tender tender,
                             @Pattern(regexp = Amounts.MONEY, message = "must be a decimal amount such as 12.50") String amountDue,
                             @Pattern(regexp = Amounts.MONEY, message = "must be a decimal amount such as 12.50") String amount,
                             @Valid List<@NotNull @Valid Counted> counted,
                             @Valid List<@NotNull @Valid Rejected> rejected) {

    public record Counted(@NotNull @Pattern(regexp = Amounts.MONEY, message = "must be a decimal amount such as 100") String denomination,
                          int count) {
    }

    public record Rejected(@NotNull @Pattern(regexp = Amounts.MONEY, message = "must be a decimal amount such as 100") String denomination,
                           @NotNull @Pattern(regexp = "[A-Za-z0-9]{1,20}", message = "must be 1 to 20 letters or digits") String serial,
                           @NotNull RejectedNote.Reason reason) {
    }

    public List<Counted> countedNotes() {
        return counted == null ? List.of() : counted;
    }

    public List<Rejected> rejectedNotes() {
        return rejected == null ? List.of() : rejected;
    }
}
