package org.guitai.store.sale.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.guitai.kernel.problem.PosException;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.persistence.DuplicateKeys;
import org.guitai.store.platform.problem.InvalidRequestException;
import org.guitai.store.platform.security.CurrentCaller;
import org.guitai.store.platform.security.ForbiddenException;
import org.guitai.store.platform.security.NotAuthenticatedException;
import org.guitai.store.platform.security.RefusesCardNumbers;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.service.SaleDocuments;
import org.guitai.store.sale.service.SaleService;

@Path("sales/documents")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class SaleDocumentsResource {

    private static final int MAX_LINES = 500;

    @Inject
    SaleDocuments documents;

    @Inject
    SaleService sales;

    @Inject
    CurrentCaller caller;

    @Inject
    StoreSettings settings;

    /** A whole finished sale: 201 with the sale when recorded now, 200 with the same sale when it was already. */
    @POST
    @RefusesCardNumbers(members = {"payments", "customerId"})
    @APIResponse(responseCode = "201", description = "the sale, recorded now",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "SaleView")))
    @APIResponse(responseCode = "200", description = "the sale as first recorded under this id",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "SaleView")))
    public Response submit(@NotNull @Valid SaleDocumentRequest request, @Context UriInfo uri) {
        if (request.lines().size() > MAX_LINES) {
            throw new InvalidRequestException("a sale document has at most " + MAX_LINES + " lines");
        }
        Currency currency = settings.currency();
        SaleDocuments.Document document = new SaleDocuments.Document(request.id().toString(), request.terminalId(), Optional.ofNullable(request.cashierCode()),
                request.createdAt(),
                Optional.ofNullable(request.customerId()),
                request.lines().stream().map(l -> {
                    boolean byBarcode = l.barcode() != null && !l.barcode().isBlank();
                    boolean bySku = l.sku() != null && !l.sku().isBlank();
                    if (byBarcode == bySku) {
                        throw new InvalidRequestException("line " + l.id() + ": give exactly one of barcode and sku");
                    }
                    return new SaleService.LineOrder(l.id().toString(), Optional.ofNullable(l.barcode()).filter(b -> byBarcode).map(String::trim),
                            Optional.ofNullable(l.sku()).filter(s -> bySku).map(String::trim), new BigDecimal(l.quantity()),
                            Optional.ofNullable(l.unitPrice()).map(p -> Amounts.money("unitPrice", p, currency)),
                            Amounts.decimal(l.discountPercent()), Optional.ofNullable(l.approvalId()).map(UUID::toString));
                }).toList(),
                Amounts.decimal(request.orderDiscountPercent()),
                Optional.ofNullable(request.orderDiscountApprovalId()).map(UUID::toString),
                request.payments().stream().map(p -> Amounts.tendered(p, currency)).toList());
        String id = request.id().toString();
        SaleDocuments.Submitted submitted;
        try {
            submitted = DuplicateKeys.createOrExisting(
                    () -> documents.submit(document, caller.get()),
                    () -> documents.replayed(id, request.terminalId()));
        } catch (ForbiddenException | NotAuthenticatedException refused) {
            // whoever may not submit sales is not shown one either
            throw refused;
        } catch (PosException refused) {
            // a rule refused it: a replay (the stock, a price or an approval has moved on since, maybe
            // used up by that very sale when the resend raced its first copy) is answered with the
            // sale recorded under its id; an id another sale took is a conflict; else the refusal stands
            submitted = documents.recorded(id, request.terminalId()).orElseThrow(() -> refused);
        }
        Sale recorded = submitted.sale();
        SaleView sale = SaleView.of(recorded, recorded.slipNumber().map(n -> sales.slipOf(recorded).code()).orElse(null), settings.rounding());
        return submitted.created()
                ? Response.created(uri.getBaseUriBuilder().path("sales").path(id).build()).entity(sale).build()
                : Response.ok(sale).build();
    }
}
