package org.guitai.store.returns.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.guitai.kernel.money.Money;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.returns.domain.ReturnStatus;
import org.guitai.store.returns.service.ReturnSlipPages;
import org.guitai.store.returns.service.Returns;
import org.guitai.store.sale.domain.NoteCount;

/** Returns at any counter of the store: requested, approved, received, refunded. */
@Path("returns")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class ReturnsResource {

    private static final int MAX_ENTRIES = 200;

    @Inject
    Returns returns;

    @Inject
    ReturnSlipPages slips;

    @Inject
    CurrentCaller caller;

    @Inject
    StoreSettings settings;

    @POST
    @Operation(summary = "Requests a return", description = "409 over-return when a line has less left to return; 409 sale-not-returnable "
            + "unless the sale is paid; 422 change-of-mind-window-passed after the window; 422 responsible-staff-required / unknown-staff "
            + "for a staff error. Repeating the id answers the first return")
    @APIResponse(responseCode = "201", description = "the return, REQUESTED",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "ReturnView")))
    public Response request(@NotNull @Valid ReturnRequest request, @Context UriInfo uri) {
        if (request.lines().size() > MAX_ENTRIES) {
            throw new InvalidRequestException("a return lists at most " + MAX_ENTRIES + " lines");
        }
        Returns.SaleRef ref = new Returns.SaleRef(Optional.ofNullable(request.saleId()).map(UUID::toString), Optional.ofNullable(request.slipNumber()),
                Optional.ofNullable(request.invoiceNumber()));
        List<Returns.LineRequest> lines = request.lines().stream()
                .map(l -> new Returns.LineRequest(l.saleLineId().toString(), new BigDecimal(l.quantity()))).toList();
        ReturnView view = ReturnView.of(returns.request(request.id().toString(), ref, lines, request.reason(),
                Optional.ofNullable(request.responsibleStaff()), caller.get()));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @Path("returnable")
    @Operation(summary = "What of a sale can still be returned", description = "Exactly one of slipNumber (slip code or bare number), invoiceNumber, "
            + "saleId; 404 when no such sale, 409 sale-not-returnable unless it is paid")
    public ReturnableView returnable(@QueryParam("slipNumber") String slipNumber, @QueryParam("invoiceNumber") String invoiceNumber,
                                     @QueryParam("saleId") String saleId) {
        return ReturnableView.of(returns.returnable(new Returns.SaleRef(given(saleId), given(slipNumber), given(invoiceNumber)), caller.get()));
    }

    @GET
    @Operation(summary = "Lists returns", description = "Newest first; status= one state; overdue=true only those received and not refunded "
            + "within the deadline (3 working days from receipt)")
    public List<ReturnView> list(@QueryParam("status") String status, @QueryParam("overdue") String overdue) {
        Optional<ReturnStatus> state;
        try {
            state = given(status).map(s -> ReturnStatus.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status '" + status + "' is not one of REQUESTED, APPROVED, RECEIVED, PARTLY_REFUNDED, REFUNDED, CANCELLED");
        }
        boolean overdueOnly = given(overdue).map(o -> {
            if (!o.equals("true") && !o.equals("false")) {
                throw new InvalidRequestException("overdue is true or false");
            }
            return o.equals("true");
        }).orElse(false);
        return returns.list(state, overdueOnly, caller.get()).stream().map(ReturnView::of).toList();
    }

    @GET
    @Path("{id}")
    public ReturnView get(@PathParam("id") String id) {
        return ReturnView.of(returns.get(id, caller.get()));
    }

    @GET
    @Path("{id}/slip")
    @Produces(TEXT_HTML)
    @Operation(summary = "The printable return slip (退货单)", description = "What came back, the reason, the approving managers, each refund "
            + "and the red-letter invoice. The store records that the original was printed: the first print is the original, every later "
            + "print (and any print with copy=true) is a copy marked 副本 / COPY and audited as RETURN_SLIP_REPRINTED. 409 return-state "
            + "before anything is refunded")
    public String slip(@PathParam("id") String id, @QueryParam("copy") boolean copy) {
        return slips.slip(id, copy, caller.get());
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approves a return with a manager's RETURN approval", description = "APPROVED, or still REQUESTED until a second, "
            + "different manager approves when the amount needs two (409 second-approval-same-manager); 403 approval-required for an "
            + "approval that is not for this return, requester and terminal. Repeating an approval answers the return")
    public ReturnView approve(@PathParam("id") String id, @NotNull @Valid ApproveReturnRequest request) {
        return ReturnView.of(returns.approve(id, request.approvalId().toString(), caller.get()));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancels a return whose goods were not received", description = "REQUESTED or APPROVED -> CANCELLED, with the reason; "
            + "its units can be returned again. 409 return-state once the goods are received. Repeating it answers the cancelled return")
    public ReturnView cancel(@PathParam("id") String id, @NotNull @Valid CancelReturnRequest request) {
        return ReturnView.of(returns.cancel(id, request.reason(), caller.get()));
    }

    @POST
    @Path("{id}/receive")
    @Operation(summary = "Receives the inspected goods", description = "Every line whole, RESTOCK (back into stock, once) or WRITE_OFF; 422 "
            + "receive-mismatch otherwise. A repeat changes nothing")
    public ReturnView receive(@PathParam("id") String id, @NotNull @Valid ReceiveReturnRequest request) {
        if (request.lines().size() > MAX_ENTRIES) {
            throw new InvalidRequestException("a return lists at most " + MAX_ENTRIES + " lines");
        }
        return ReturnView.of(returns.receive(id, request.lines().stream()
                .map(l -> new Returns.Received(l.saleLineId().toString(), new BigDecimal(l.quantity()), l.disposition())).toList(), caller.get()));
    }

    @POST
    @Path("{id}/refund")
    @Operation(summary = "Refunds to the next tender of the plan", description = "409 refund-order for another tender than the plan's next; 422 "
            + "refund-too-much above its amount; CASH 409 no-open-shift without a shift open at the caller's terminal; CHECK 409 "
            + "check-not-cleared. REFUNDED once nothing is due, PARTLY_REFUNDED before. Repeating the id answers the return")
    public ReturnView refund(@PathParam("id") String id, @NotNull @Valid RefundRequest request) {
        List<RefundRequest.PaidOutPieces> counted = request.counted() == null ? List.of() : request.counted();
        if (counted.size() > 50) {
            throw new InvalidRequestException("counted lists at most 50 entries");
        }
        if (counted.stream().anyMatch(c -> c.count() <= 0 || new BigDecimal(c.denomination()).signum() <= 0)) {
            throw new InvalidRequestException("every counted entry needs a positive denomination and a positive count");
        }
        java.util.Map<BigDecimal, Integer> byDenomination = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        counted.forEach(c -> byDenomination.merge(new BigDecimal(c.denomination()), c.count(), Integer::sum));
        Optional<Money> amount = Optional.ofNullable(request.amount()).map(a -> Money.of(a, settings.currency()));
        return ReturnView.of(returns.refund(id, new Returns.RefundRequest(request.id().toString(), request.tender(), amount,
                byDenomination.entrySet().stream().map(e -> new NoteCount(e.getKey(), e.getValue())).toList(),
                Optional.ofNullable(request.reversalReference()), Optional.ofNullable(request.saleId()).map(UUID::toString)), caller.get()));
    }

    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
