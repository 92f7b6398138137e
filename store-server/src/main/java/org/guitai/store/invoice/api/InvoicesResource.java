package org.guitai.store.invoice.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import static jakarta.ws.rs.core.MediaType.TEXT_HTML;

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
import java.util.Optional;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.RefusesCardNumbers;
import org.guitai.store.invoice.service.InvoicePages;
import org.guitai.store.invoice.service.InvoiceService;
import org.guitai.store.platform.barcode.Barcodes;

@Path("invoices/{number}")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class InvoicesResource {

    @Inject
    InvoiceService invoices;

    @Inject
    InvoicePages pages;

    @Inject
    CurrentCaller caller;

    @GET
    public InvoiceView get(@PathParam("number") String number) {
        return InvoiceView.of(invoices.get(number));
    }

    /** 作废 with a VOID_INVOICE approval; the invoice and its number are kept. */
    @POST
    @Path("void")
    @RefusesCardNumbers(members = {"reason"})
    public InvoiceView voidInvoice(@PathParam("number") String number, @NotNull @Valid VoidInvoiceRequest request) {
        return InvoiceView.of(invoices.voidInvoice(number, request.reason().trim(), Optional.of(request.approvalId().toString()), caller.get()));
    }

    /** The printable invoice (HTML with print styles). */
    @GET
    @Path("print")
    @Produces(TEXT_HTML)
    public String print(@PathParam("number") String number) {
        return pages.print(invoices.get(number));
    }

    @GET
    @Path("barcode.png")
    @Produces("image/png")
    public byte[] barcode(@PathParam("number") String number) {
        return Barcodes.code128Png(invoices.get(number).number());
    }
}
