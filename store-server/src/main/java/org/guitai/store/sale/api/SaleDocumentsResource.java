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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.guitai.platform.security.AcceptsTerminalSignature;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.RefusesCardNumbers;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.service.SaleDocuments;
import org.guitai.store.sale.service.SaleService;

@Path("sales/documents")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class SaleDocumentsResource {

    @Inject
    SaleDocuments documents;

    @Inject
    SaleService sales;

    @Inject
    CurrentCaller caller;

    @Inject
    StoreSettings settings;

    /**
     * A whole finished sale: 201 with the sale when recorded now, 200 with the same sale when it was
     * already. A terminal may send it signed, naming the cashier who made it.
     */
    @POST
    @AcceptsTerminalSignature
    @SecurityRequirement(name = "staff")
    @SecurityRequirement(name = "terminal")
    @RefusesCardNumbers(members = {"payments", "customerId"})
    @APIResponse(responseCode = "201", description = "the sale, recorded now",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "SaleView")))
    @APIResponse(responseCode = "200", description = "the sale as first recorded under this id",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "SaleView")))
    public Response submit(@NotNull @Valid SaleDocumentRequest request, @Context UriInfo uri) {
        SaleDocuments.Submitted submitted = documents.submitOnce(request.document(settings.currency()), caller.get());
        Sale recorded = submitted.sale();
        SaleView sale = SaleView.of(recorded, recorded.slipNumber().map(n -> sales.slipOf(recorded).code()).orElse(null), settings.rounding());
        return submitted.created()
                ? Response.created(uri.getBaseUriBuilder().path("sales").path(recorded.id()).build()).entity(sale).build()
                : Response.ok(sale).build();
    }
}
