package org.guitai.store.returns.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.guitai.store.returns.domain.ReturnReason;

/** A return of lines of one sale, named by exactly one of saleId, slipNumber (the slip code or bare number) or invoiceNumber. */
@Schema(description = "A return: the sale by exactly one of saleId, slipNumber (the slip code as on its barcode, e.g. S001-00000042, or the bare "
        + "number) or invoiceNumber; the lines with their original saleLineId and the quantity coming back; the reason; responsibleStaff "
        + "(a staff code) for STAFF_ERROR only")
public record ReturnRequest(@NotNull UUID id,
                            UUID saleId,
                            @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be a slip code or number") String slipNumber,
                            @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be an invoice number") String invoiceNumber,
                            @NotNull @Valid List<@NotNull @Valid ReturnedLine> lines,
                            @NotNull ReturnReason reason,
                            @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "must be 1 to 16 letters, digits or dashes") String responsibleStaff) {

    public record ReturnedLine(@NotNull UUID saleLineId,
                       @NotNull @Pattern(regexp = "^\\d{1,12}(\\.\\d{1,3})?$", message = "must be a positive decimal with at most 3 decimals")
                       String quantity) {
    }
}
