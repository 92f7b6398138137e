package org.guitai.store.shift.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.RefusesCardNumbers;
import org.guitai.store.mobile.service.MobileCharges;
import org.guitai.store.shift.domain.Shift;
import org.guitai.store.shift.service.Shifts;

/** Shifts: open with a float, move cash, read the X report, close with a blind count (the Z report). */
@Path("shifts")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class ShiftsResource {

    @Inject
    Shifts shifts;

    @Inject
    CurrentCaller caller;

    @Inject
    MobileCharges mobileCharges;

    @Inject
    Clock clock;

    /**
     * The X or Z report, with the mobile charges of the shift's sales that the provider approved and
     * no payment records (the customer paid): the manager settles each. Charges still SENT a minute
     * after they were sent are first asked about at the gateway, so that the report shows their answer.
     */
    private ShiftReport reportOf(Shift shift) {
        mobileCharges.settleStale(clock.instant(), caller.get());
        List<ShiftReport.UnrecordedCharge> unrecorded = mobileCharges.unrecordedOfShift(shift.id()).stream()
                .map(c -> new ShiftReport.UnrecordedCharge(c.paymentId(), c.saleId(), c.channel().name(), c.transactionId(), c.amount().toPlainString()))
                .toList();
        return ShiftReport.of(shift, shifts.movements(shift.id()).stream().map(CashMovementView::of).toList(), unrecorded);
    }

    @POST
    public Response open(@NotNull @Valid OpenShiftRequest request, @Context UriInfo uri) {
        Shift shift = shifts.open(request.id().toString(), request.terminalId(), CountedPieces.entries(request.openingFloat()), caller.get());
        return Response.created(uri.getAbsolutePathBuilder().path(shift.id()).build()).entity(ShiftView.of(shift)).build();
    }

    /** Shifts by status (OPEN, CLOSED), business day and terminal; newest first. */
    @GET
    public List<ShiftView> list(@QueryParam("status") String status, @QueryParam("date") String date, @QueryParam("terminalId") String terminalId) {
        caller.get();
        Optional<Shift.Status> wanted;
        Optional<LocalDate> day;
        try {
            wanted = blank(status) ? Optional.empty() : Optional.of(Shift.Status.valueOf(status.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status '" + status + "' is not OPEN or CLOSED");
        }
        try {
            day = blank(date) ? Optional.empty() : Optional.of(LocalDate.parse(date.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date '" + date + "' is not a date YYYY-MM-DD");
        }
        return shifts.list(wanted, day, blank(terminalId) ? Optional.empty() : Optional.of(terminalId.trim())).stream().map(ShiftView::of).toList();
    }

    @GET
    @Path("{id}")
    public ShiftView get(@PathParam("id") String id) {
        caller.get();
        return ShiftView.of(shifts.get(id));
    }

    /** The X report while the shift is open, the Z report once it is closed. */
    @GET
    @Path("{id}/report")
    public ShiftReport report(@PathParam("id") String id) {
        Shift shift = shifts.forReport(id, caller.get());
        return reportOf(shift);
    }

    @POST
    @Path("{id}/cash-movements")
    @RefusesCardNumbers(members = {"reason"})
    public Response moveCash(@PathParam("id") String id, @NotNull @Valid CashMovementRequest request, @Context UriInfo uri) {
        var movement = shifts.moveCash(id, request.id().toString(), request.type(), new BigDecimal(request.amount()), request.reason().trim(),
                Optional.ofNullable(request.approvalId()).map(UUID::toString), caller.get());
        return Response.created(uri.getAbsolutePathBuilder().path(movement.id()).build()).entity(CashMovementView.of(movement)).build();
    }

    @GET
    @Path("{id}/cash-movements")
    public List<CashMovementView> movements(@PathParam("id") String id) {
        caller.get();
        shifts.get(id);
        return shifts.movements(id).stream().map(CashMovementView::of).toList();
    }

    /** Closes the shift with the drawer counted blind; answers the Z report. */
    @POST
    @Path("{id}/close")
    public ShiftReport close(@PathParam("id") String id, @NotNull @Valid CloseShiftRequest request) {
        Shift closed = shifts.close(id, CountedPieces.entries(request.counted()), Optional.ofNullable(request.approvalId()).map(UUID::toString),
                caller.get());
        return reportOf(closed);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
