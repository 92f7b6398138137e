package org.guitai.store.sale.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.store.sale.service.SaleDocuments;

/**
 * A whole sale in one document: lines as in {@code POST /sales/{id}/lines}, payments as in
 * {@code POST /sales/{id}/payments}; {@code amountDue} of a cash payment is what is due when it is taken.
 * {@code cashierCode} names who made the sale when it is not the staff member submitting it (a
 * terminal replaying the sales of an earlier shift); {@code associateCode} the sales associate credited with it.
 */
public record SaleDocumentRequest(@NotNull UUID id,
                                  @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "must be 1 to 16 letters, digits or dashes") String terminalId,
                                  @Pattern(regexp = "[A-Za-z0-9]{1,16}", message = "must be a staff code") String cashierCode,
                                  @Pattern(regexp = "[A-Za-z0-9]{1,16}", message = "must be a staff code") String associateCode,
                                  @NotNull Instant createdAt,
                                  @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be 1 to 40 letters, digits or dashes") String customerId,
                                  @NotNull @Valid List<@NotNull @Valid AddLineRequest> lines,
                                  @Pattern(regexp = Amounts.PERCENT, message = Amounts.PERCENT_MESSAGE) String orderDiscountPercent,
                                  UUID orderDiscountApprovalId,
                                  @NotNull @Valid List<@NotNull @Valid PaymentRequest> payments) {

    /** At most this many lines (not Bean Validation's @Size, which Payara's OpenAPI document cannot describe). */
    static final int MAX_LINES = 500;

    /** The document to check and record, in the store's currency. */
    SaleDocuments.Document document(Currency currency) {
        if (lines.size() > MAX_LINES) {
            throw new InvalidRequestException("a sale document has at most " + MAX_LINES + " lines");
        }
        return new SaleDocuments.Document(id.toString(), terminalId, Optional.ofNullable(cashierCode), Optional.ofNullable(associateCode), createdAt, Optional.ofNullable(customerId),
                lines.stream().map(l -> l.order(currency)).toList(),
                Amounts.decimal(orderDiscountPercent), Optional.ofNullable(orderDiscountApprovalId).map(UUID::toString),
                payments.stream().map(p -> Amounts.tendered(p, currency)).toList());
    }
}
