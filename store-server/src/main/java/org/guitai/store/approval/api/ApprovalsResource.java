package org.guitai.store.approval.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.approval.domain.Approval;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.approval.service.Approvals;
import org.guitai.store.returns.service.Returns;

@Path("approvals")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class ApprovalsResource {

    /** {@code id} (optional): the client's id of this request; repeating it returns the same approval. */
    public record ApprovalRequest(UUID id,
                                  @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "must be 1 to 16 letters, digits or dashes") String staffCode,
                                  @NotNull @Pattern(regexp = "\\S{1,64}", message = "must be 1 to 64 characters without spaces") String pin,
                                  @NotNull ApprovalAction action,
                                  UUID saleId,
                                  UUID shiftId,
                                  UUID returnId) {

        /** The sale or shift the action concerns, whichever it is bound to. */
        Optional<String> subjectId() {
            UUID subject = action == null ? null : switch (action.subject()) {
                case SALE -> saleId;
                case SHIFT -> shiftId;
                case RETURN -> returnId;
                case NONE -> null;
            };
            return Optional.ofNullable(subject).map(UUID::toString);
        }
    }

    @Schema(description = "A manager's one-shot approval, bound to its action, sale or shift, requester and terminal")
    public record ApprovalView(String approvalId, String action, String saleId, String shiftId, String returnId, String requestedBy, String approvedBy,
                               String terminalId, String createdAt, String expiresAt, String usedAt) {

        static ApprovalView of(Approval a) {
            return new ApprovalView(a.id(), a.action().name(), a.saleId().orElse(null), a.shiftId().orElse(null), a.returnId().orElse(null), a.requestedBy(),
                    a.approvedBy(), a.terminalId(), a.createdAt().toString(), a.expiresAt().toString(),
                    a.usedAt().map(Object::toString).orElse(null));
        }
    }

    @Inject
    Approvals approvals;

    @Inject
    Returns returns;

    @Inject
    CurrentCaller caller;

    @Inject
    StoreSettings settings;

    /** The approvals given on a business day (today by default), newest first: for the store manager. */
    @GET
    public List<ApprovalView> given(@QueryParam("date") String date) {
        ZoneId zone = settings.zone();
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(zone) : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date '" + date + "' is not a date YYYY-MM-DD");
        }
        return approvals.givenBetween(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), caller.get())
                .stream().map(ApprovalView::of).toList();
    }

    /** A store manager approves one action (on one sale) at the caller's terminal, with code and PIN. */
    @POST
    @APIResponse(responseCode = "201", description = "the one-shot approval",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "ApprovalView")))
    public Response grant(@NotNull @Valid ApprovalRequest request) {
        Optional<String> requestId = Optional.ofNullable(request.id()).map(UUID::toString);
        Optional<String> subjectId = request.subjectId();
        // a RETURN approval is given only for a return that waits for one (404 / 409 return-state), named by number and amount
        Supplier<Optional<String>> subject = () -> request.action() == ApprovalAction.RETURN && subjectId.isPresent()
                ? Optional.of(returns.toApprove(subjectId.get(), caller.get())) : Optional.empty();
        Approval approval = approvals.grant(requestId, caller.get(), request.staffCode(), request.pin(), request.action(), subjectId, subject);
        return Response.status(Response.Status.CREATED).entity(ApprovalView.of(approval)).build();
    }
}
