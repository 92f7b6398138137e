package org.guitai.store.sale.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.guitai.store.mobile.domain.MobileChannel;
import org.guitai.store.sale.domain.RejectedNote;
import org.guitai.store.sale.domain.Tender;

/**
 * A tender. CASH: {@code amountDue} (查), {@code counted} notes by denomination (数), {@code rejected}
 * suspect notes (验), and {@code amount} only when cash pays part of a split. CARD: {@code amount},
 * {@code authCode}, {@code last4}, {@code terminalReference} and nothing more of the card.
 * CHECK: {@code amount}, {@code checkNumber}, {@code bank}. MOBILE: {@code amount}, {@code channel} and the
 * customer's scanned {@code paymentCode} (付款码), which is charged once and never kept.
 */
@Schema(description = "One tender. CASH: amountDue, counted, rejected (amount only for a part of a split). CARD: amount, authCode, last4, "
        + "terminalReference. CHECK: amount, checkNumber, bank. MOBILE: amount, channel (WECHAT or ALIPAY) and paymentCode, the customer's "
        + "one-time payment code (付款码) as scanned: WeChat Pay 18 digits starting 10-15, Alipay 16-24 digits starting 25-30, anything else "
        + "is 422 invalid-payment-code; it is charged once per payment id and never stored. A declined charge is 422 payment-declined (with "
        + "reason); a charge the provider cannot tell about yet is 409 payment-pending: retry with the same id")
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
                             @Pattern(regexp = "(?s)(?=.*\\S).{1,60}", message = "must be 1 to 60 characters") String bank,
                             MobileChannel channel,
                             String paymentCode) {

    public record Counted(@NotNull @Pattern(regexp = Amounts.MONEY, message = Amounts.MONEY_MESSAGE) String denomination,
                          int count) {
    }

    public record Rejected(@NotNull @Pattern(regexp = Amounts.MONEY, message = Amounts.MONEY_MESSAGE) String denomination,
                           @NotNull @Pattern(regexp = "[A-Za-z0-9]{1,20}", message = "must be 1 to 20 letters or digits") String serial,
                           @NotNull RejectedNote.Reason reason) {
    }

    /** The payment code is a one-time credential: a log line or an exception quoting the request never shows it. */
    @Override
    public String toString() {
        return "PaymentRequest[id=" + id + ", tender=" + tender + ", amountDue=" + amountDue + ", amount=" + amount + ", counted=" + counted
                + ", rejected=" + rejected + ", authCode=" + authCode + ", last4=" + last4 + ", terminalReference=" + terminalReference
                + ", checkNumber=" + checkNumber + ", bank=" + bank + ", channel=" + channel
                + ", paymentCode=" + (paymentCode == null ? null : "(" + paymentCode.length() + " characters, not shown)") + "]";
    }

    public List<Counted> countedNotes() {
        return counted == null ? List.of() : counted;
    }

    public List<Rejected> rejectedNotes() {
        return rejected == null ? List.of() : rejected;
    }
}
