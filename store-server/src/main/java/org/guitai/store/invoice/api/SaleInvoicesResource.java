package org.guitai.store.invoice.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.guitai.kernel.contact.PhoneNumber;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.RefusesCardNumbers;
import org.guitai.store.invoice.domain.InvoiceDraft;
import org.guitai.store.invoice.service.InvoiceService;

/** The invoices of one sale (a second resource on {@code sales}: JAX-RS merges them). */
@Path("sales")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class SaleInvoicesResource {

    @Inject
    InvoiceService invoices;

    @Inject
    CurrentCaller caller;

    /** Issues the sale's invoice; repeating the id returns the same invoice. */
    @POST
    @Path("{id}/invoice")
    @RefusesCardNumbers(members = {"buyerName", "buyerAddress", "buyerPhone", "signature"})
    @APIResponse(responseCode = "201", description = "the issued invoice",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "InvoiceView")))
    public Response issue(@PathParam("id") String saleId, @NotNull @Valid IssueInvoiceRequest request, @Context UriInfo uri) {
        if (!PhoneNumber.isValid(request.buyerPhone())) {
            throw new InvalidRequestException("buyerPhone '" + request.buyerPhone() + "' is not a mainland mobile or landline number");
        }
        InvoiceDraft.Buyer buyer = new InvoiceDraft.Buyer(request.buyerName().trim(), request.buyerAddress().trim(),
                new PhoneNumber(request.buyerPhone()), Optional.ofNullable(request.buyerTaxId()),
                Optional.ofNullable(request.signature()).map(String::trim).filter(s -> !s.isEmpty()));
        String requestId = request.id().toString();
        InvoiceView invoice = InvoiceView.of(invoices.issue(requestId, saleId, buyer, caller.get()));
        return Response.created(uri.getBaseUriBuilder().path("invoices").path(invoice.number()).build()).entity(invoice).build();
    }

    @GET
    @Path("{id}/invoices")
    public List<InvoiceView> list(@PathParam("id") String saleId) {
        return invoices.forSale(saleId).stream().map(InvoiceView::of).toList();
    }
}
