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
 * suspect notes (验), and {@code amount} only when cash pays part of a split. CARD: {@code amount},
 * {@code authCode}, {@code last4}, {@code terminalReference} and nothing more of the card.
 * CHECK: {@code amount}, {@code checkNumber}, {@code bank}.
 */
public record PaymentRequest(@NotNull UUID id,
                             @NotNull Tender tender,
                             @Pattern(regexp = Amounts.MONEY, message = Amounts.MONEY_MESSAGE) String amountDue,
                             @Pattern(regexp = Amounts.MONEY, message = Amounts.MONEY_MESSAGE) String amount,
                             @Valid List<@NotNull @Valid Counted> counted,
                             @Valid List<@NotNull @Valid Rejected> rejected,
                             @Pattern(regexp = "[A-Za-z0-9]{6,12}", message = "must be 6 to 12 letters or digits") String authCode,
                             @Pattern(regexp = "\\d{4}", message = "must be the last four digits of the card") String last4,
                             @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be 1 to 40 letters, digits or dashes") String terminalReference,
                             @Pattern(regexp = "[A-Za-z0-9-]{1,30}", message = "must be 1 to 30 letters, digits or dashes") String checkNumber,
                             @Pattern(regexp = "(?s)(?=.*\\S).{1,60}", message = "must be 1 to 60 characters") String bank) {

    public record Counted(@NotNull @Pattern(regexp = Amounts.MONEY, message = Amounts.MONEY_MESSAGE) String denomination,
                          int count) {
    }

    public record Rejected(@NotNull @Pattern(regexp = Amounts.MONEY, message = Amounts.MONEY_MESSAGE) String denomination,
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
