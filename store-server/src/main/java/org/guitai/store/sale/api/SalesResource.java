package org.guitai.store.sale.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import static jakarta.ws.rs.core.MediaType.TEXT_HTML;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.RefusesCardNumbers;
import org.guitai.store.platform.barcode.Barcodes;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.service.Checkout;
import org.guitai.store.sale.service.SaleService;
import org.guitai.store.sale.service.SlipPages;

/** The counter flow of one sale, step by step. */
@Path("sales")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class SalesResource {

    @Inject
    SaleService sales;

    @Inject
    SlipPages slips;

    @Inject
    Checkout checkout;

    @Inject
    CurrentCaller caller;

    @Inject
    StoreSettings settings;

    /** Greet: opens a sale for the caller's terminal. Repeating the id returns the same sale. */
    @POST
    @RefusesCardNumbers(members = {"customerId"})
    @APIResponse(responseCode = "201", description = "the opened sale",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "SaleView")))
    public Response open(@NotNull @Valid OpenSaleRequest request, @Context UriInfo uri) {
        String id = request.id().toString();
        SaleView sale = view(sales.open(id, request.terminalId(), Optional.ofNullable(request.customerId()), Optional.ofNullable(request.associateCode()),
                caller.get()));
        return Response.created(uri.getAbsolutePathBuilder().path(sale.id()).build()).entity(sale).build();
    }

    @GET
    @Path("{id}")
    public SaleView get(@PathParam("id") String id) {
        return view(sales.get(id));
    }

    /** The most sales {@code ?date=} lists. */
    static final int DAY_LIST_LIMIT = 200;

    /**
     * Finds sales: {@code ?slip=S001-00000042} the sale of a scanned slip barcode (pick-up counter);
     * {@code ?terminalId=T1&held=true} the sales held at a terminal, oldest first; {@code ?date=YYYY-MM-DD}
     * (optionally {@code &terminalId=}) the sales of a business day, newest first, at most 200.
     */
    @GET
    @Operation(summary = "Finds sales",
            description = "Exactly one of: slip=<slip code as on the barcode, e.g. S001-00000042> (the one sale of that paid slip); "
                    + "held=true with terminalId (the sales on hold at that terminal, oldest first); date=YYYY-MM-DD, the store-local "
                    + "business day, optionally with terminalId (that day's sales, newest first, at most " + DAY_LIST_LIMIT + "). "
                    + "Anything else is 400.")
    public List<SaleView> find(@QueryParam("slip") String slip, @QueryParam("held") String held, @QueryParam("date") String date,
                               @QueryParam("terminalId") String terminalId) {
        caller.get();
        Optional<String> terminal = blank(terminalId) ? Optional.empty() : Optional.of(terminalId.trim());
        int asked = (blank(slip) ? 0 : 1) + (blank(held) ? 0 : 1) + (blank(date) ? 0 : 1);
        if (asked != 1) {
            throw new InvalidRequestException("give one of ?slip=, ?held=true&terminalId= or ?date=YYYY-MM-DD");
        }
        if (!blank(slip)) {
            return List.of(view(sales.bySlip(slip)));
        }
        if (!blank(held)) {
            if (!held.trim().equals("true") || terminal.isEmpty()) {
                throw new InvalidRequestException("list the held sales of a terminal with ?terminalId=T1&held=true");
            }
            return sales.held(terminal.get()).stream().map(this::view).toList();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date '" + date + "' is not a date YYYY-MM-DD");
        }
        return sales.ofDay(day, terminal, DAY_LIST_LIMIT).stream().map(this::view).toList();
    }

    /**
     * 挂单: puts the sale on hold at the caller's terminal (an OPEN or CONFIRMED sale without tenders
     * and without a pending mobile charge: 409 payment-pending); it keeps its status.
     */
    @POST
    @Path("{id}/hold")
    @Operation(summary = "Holds the sale (挂单)", description = "An OPEN or CONFIRMED sale without tenders waits at its terminal; 409 sale-state "
            + "once tenders are taken, 409 payment-pending while a mobile charge of it is pending")
    public SaleView hold(@PathParam("id") String id) {
        return view(sales.hold(id, caller.get()));
    }

    /** 取单: takes a held sale back at the terminal that held it, or by a store manager at any counter. */
    @POST
    @Path("{id}/recall")
    @Operation(summary = "Recalls a held sale (取单)", description = "At the terminal that held it; a store manager at any counter of the store "
            + "(the one that held it may be down). Elsewhere 409 sale-at-other-terminal")
    public SaleView recall(@PathParam("id") String id) {
        return view(sales.recall(id, caller.get()));
    }

    /** Order: adds a line by barcode or SKU. */
    @POST
    @Path("{id}/lines")
    @APIResponse(responseCode = "201", description = "the sale with its new line",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "SaleView")))
    public Response addLine(@PathParam("id") String id, @NotNull @Valid AddLineRequest request) {
        return Response.status(Response.Status.CREATED).entity(view(sales.addLine(id, request.order(settings.currency()), caller.get()))).build();
    }

    /** Order: changes a line's quantity, discount or price while the sale is open. */
    @PATCH
    @Path("{id}/lines/{lineId}")
    public SaleView changeLine(@PathParam("id") String id, @PathParam("lineId") String lineId, @NotNull @Valid ChangeLineRequest request) {
        if (request.quantity() == null && request.discountPercent() == null && request.unitPrice() == null) {
            throw new InvalidRequestException("give quantity, discountPercent or unitPrice to change");
        }
        return view(sales.changeLine(id, lineId, new SaleService.LineChange(Amounts.decimal(request.quantity()),
                Amounts.decimal(request.discountPercent()),
                Optional.ofNullable(request.unitPrice()).map(p -> Amounts.money("unitPrice", p, settings.currency())),
                Optional.ofNullable(request.approvalId()).map(UUID::toString)), caller.get()));
    }

    /** Order: voids a line (after confirmation with a VOID_LINE approval). */
    @POST
    @Path("{id}/lines/{lineId}/void")
    public SaleView voidLine(@PathParam("id") String id, @PathParam("lineId") String lineId, @Valid ApprovalRef request) {
        Optional<String> approval = Optional.ofNullable(request).map(ApprovalRef::approvalId).map(UUID::toString);
        return view(sales.voidLine(id, lineId, approval, caller.get()));
    }

    /** Order: the order discount in percent. */
    @POST
    @Path("{id}/discount")
    public SaleView discount(@PathParam("id") String id, @NotNull @Valid DiscountRequest request) {
        return view(sales.discountOrder(id, new BigDecimal(request.percent()),
                Optional.ofNullable(request.approvalId()).map(UUID::toString), caller.get()));
    }

    /** Confirm: the read-back the customer agreed to; lines are frozen. */
    @POST
    @Path("{id}/confirm")
    public SaleView confirm(@PathParam("id") String id) {
        return view(sales.confirm(id, caller.get()));
    }

    /** Abandons the sale before any tender counted (once confirmed, with a VOID_LINE approval). */
    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancels the sale", description = "Before any tender counted; once confirmed with a VOID_LINE approval; a store manager "
            + "at any counter. 409 payment-pending while a mobile charge of it is pending (as for line changes, voids and discounts)")
    public SaleView cancel(@PathParam("id") String id, @Valid ApprovalRef request) {
        return view(sales.cancel(id, Optional.ofNullable(request).map(ApprovalRef::approvalId).map(UUID::toString), caller.get()));
    }

    /**
     * Checkout: one tender (cash, card, check or mobile). Repeating the payment id returns the first
     * result; a mobile payment is charged at most once per payment id.
     */
    @POST
    @Path("{id}/payments")
    @RefusesCardNumbers(except = {"paymentCode"})
    @APIResponse(responseCode = "201", description = "the tender taken, the change to give and the sale",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "TenderView")))
    @APIResponse(responseCode = "409", description = "payment-pending (with paymentId): a mobile charge was sent but the provider cannot "
            + "tell yet whether it went through; retry with the same payment id (the store asks the provider again, never charges twice); "
            + "meanwhile the sale takes no other tender or mobile charge. charged-not-recorded (with paymentId and transactionId): the "
            + "provider approved the charge, the customer paid, but the sale no longer takes it: do not charge again. id-conflict: the "
            + "payment id names another payment or charge. sale-held: the sale is on hold",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "payment-declined (with reason): the provider declined the mobile charge, the sale is "
            + "unchanged; invalid-payment-code; mobile-payments-off: the store has no payment gateway (guitai.payment.gateway=none); "
            + "or another rule of the counter",
            content = @Content(mediaType = "application/problem+json"))
    public Response pay(@PathParam("id") String id, @NotNull @Valid PaymentRequest request) {
        SaleService.TenderResult result = checkout.pay(id, Amounts.tendered(request, settings.currency()), caller.get());
        TenderView view = new TenderView(SaleView.PaymentView.of(result.payment()),
                result.changeBreakdown().stream().map(TenderView.Pieces::of).toList(), result.announcement(), view(result.sale()));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    /** A store manager records a check's funds as CLEARED or the check as BOUNCED. */
    @POST
    @Path("{id}/payments/{paymentId}/clearance")
    public SaleView clearance(@PathParam("id") String id, @PathParam("paymentId") String paymentId, @NotNull @Valid ClearanceRequest request) {
        return view(sales.decideCheck(id, paymentId, request.outcome(), caller.get()));
    }

    /** 取货、打包: PACKED when every line is checked off in full, else 422 with {@code missingLines}. */
    @POST
    @Path("{id}/packing")
    public SaleView pack(@PathParam("id") String id, @NotNull @Valid PackingRequest request) {
        Map<String, BigDecimal> counted = new LinkedHashMap<>();
        request.lines().forEach(l -> counted.merge(l.lineId().toString(), new BigDecimal(l.quantity()), BigDecimal::add));
        return view(sales.pack(id, counted, caller.get()));
    }

    /** Farewell: completes the sale and queues its event for HQ. */
    @POST
    @Path("{id}/complete")
    public SaleView complete(@PathParam("id") String id) {
        return view(sales.complete(id, caller.get()));
    }

    /**
     * The printable paid slip: the paid stamp and a Code 128 barcode of the slip code. The first
     * print is the original; every later one (and one asked with {@code ?copy=true}) is a copy,
     * marked 副本 / COPY, and audited.
     */
    @GET
    @Path("{id}/slip")
    @Produces(TEXT_HTML)
    @Operation(summary = "The printable paid slip", description = "The store records that the original was printed: the first print is the "
            + "original, every later print (and any print with copy=true) is a copy marked 副本 / COPY and audited as SLIP_REPRINTED. "
            + "409 sale-state before the sale is paid")
    public String slip(@PathParam("id") String id, @QueryParam("copy") boolean copy) {
        SaleService.SlipPrint print = sales.printSlip(id, copy, caller.get());
        return slips.slip(print.sale(), print.copy());
    }

    /** The slip code as a Code 128 barcode. */
    @GET
    @Path("{id}/slip.png")
    @Produces("image/png")
    public byte[] slipBarcode(@PathParam("id") String id) {
        return Barcodes.code128Png(sales.slipOf(sales.get(id)).code());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private SaleView view(Sale sale) {
        return SaleView.of(sale, sale.slipNumber().map(n -> sales.slipOf(sale).code()).orElse(null), settings.rounding());
    }
}
