package org.guitai.store.sale.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.RequestScoped;
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
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.persistence.DuplicateKeys;
import org.guitai.store.platform.problem.InvalidRequestException;
import org.guitai.store.platform.security.CurrentCaller;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.RejectedNote;
import org.guitai.store.sale.domain.Tender;
import org.guitai.store.sale.service.SaleService;

@Path("sales")
@RequestScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class SalesResource {

    @Inject
    SaleService sales;

    @Inject
    CurrentCaller caller;

    @Inject
    StoreSettings settings;

    @Context
    UriInfo uri;

    /** Greet: opens a sale for the caller's terminal. Repeating the id returns the same sale. */
    @POST
    public Response open(@NotNull @Valid OpenSaleRequest request) {
        String id = request.id().toString();
        SaleView sale = SaleView.of(DuplicateKeys.createOrExisting(
                () -> sales.open(id, request.terminalId(), Optional.ofNullable(request.customerId()), caller.get()),
                () -> sales.get(id)));
        return Response.created(uri.getAbsolutePathBuilder().path(sale.id()).build()).entity(sale).build();
    }

    @GET
    @Path("{id}")
    public SaleView get(@PathParam("id") String id) {
        return SaleView.of(sales.get(id));
    }

    /** Order: adds a line by barcode or SKU. */
    @POST
    @Path("{id}/lines")
    public Response addLine(@PathParam("id") String id, @NotNull @Valid AddLineRequest request) {
        boolean byBarcode = request.barcode() != null && !request.barcode().isBlank();
        boolean bySku = request.sku() != null && !request.sku().isBlank();
        if (byBarcode == bySku) {
            throw new InvalidRequestException("give exactly one of barcode and sku");
        }
        Currency currency = settings.currency();
        SaleService.LineOrder order = new SaleService.LineOrder(request.id().toString(),
                Optional.ofNullable(request.barcode()).filter(b -> byBarcode).map(String::trim),
                Optional.ofNullable(request.sku()).filter(s -> bySku).map(String::trim),
                new BigDecimal(request.quantity()),
                Optional.ofNullable(request.unitPrice()).map(p -> Amounts.money("unitPrice", p, currency)));
        SaleView sale = SaleView.of(sales.addLine(id, order, caller.get()));
        return Response.status(Response.Status.CREATED).entity(sale).build();
    }

    /** Confirm: the read-back the customer agreed to; lines are frozen. */
    @POST
    @Path("{id}/confirm")
    public SaleView confirm(@PathParam("id") String id) {
        caller.get();
        return SaleView.of(sales.confirm(id));
    }

    /** Checkout: one tender. Repeating the payment id returns the first result and never charges twice. */
    @POST
    @Path("{id}/payments")
    public Response pay(@PathParam("id") String id, @NotNull @Valid PaymentRequest request) {
        if (request.tender() != Tender.CASH) {
            throw new InvalidRequestException(request.tender() + " tenders are not taken yet");
        }
        if (request.countedNotes().size() > 50 || request.rejectedNotes().size() > 50) {
            throw new InvalidRequestException("counted and rejected list at most 50 entries each");
        }
        if (request.countedNotes().stream().anyMatch(c -> c.count() <= 0)) {
            throw new InvalidRequestException("every counted entry needs a positive count");
        }
        Currency currency = settings.currency();
        SaleService.CashTendered cash = new SaleService.CashTendered(request.id().toString(),
                Amounts.money("amountDue", request.amountDue(), currency),
                Optional.ofNullable(request.amount()).map(a -> Amounts.money("amount", a, currency)),
                request.countedNotes().stream().map(c -> new NoteCount(new BigDecimal(c.denomination()), c.count())).toList(),
                request.rejectedNotes().stream().map(r -> new RejectedNote(new BigDecimal(r.denomination()), r.serial(), r.reason())).toList());
        TenderView result = TenderView.of(sales.takeCash(id, cash, caller.get()));
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    /** Farewell: completes the sale and queues its event for HQ. */
    @POST
    @Path("{id}/complete")
    public SaleView complete(@PathParam("id") String id) {
        caller.get();
        return SaleView.of(sales.complete(id));
    }
}
