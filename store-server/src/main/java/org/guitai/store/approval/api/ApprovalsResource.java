package org.guitai.store.approval.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.approval.domain.Approval;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.approval.service.Approvals;

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
                                  UUID saleId) {
    }

    @Schema(description = "A manager's one-shot approval, bound to its action, sale, requester and terminal")
    public record ApprovalView(String approvalId, String action, String saleId, String approvedBy, String expiresAt) {

        static ApprovalView of(Approval a) {
            return new ApprovalView(a.id(), a.action().name(), a.saleId().orElse(null), a.approvedBy(), a.expiresAt().toString());
        }
    }

    @Inject
    Approvals approvals;

    @Inject
    CurrentCaller caller;

    /** A store manager approves one action (on one sale) at the caller's terminal, with code and PIN. */
    @POST
    @APIResponse(responseCode = "201", description = "the one-shot approval",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "ApprovalView")))
    public Response grant(@NotNull @Valid ApprovalRequest request) {
        Optional<String> requestId = Optional.ofNullable(request.id()).map(UUID::toString);
        Optional<String> saleId = Optional.ofNullable(request.saleId()).map(UUID::toString);
        Approval approval = approvals.grant(requestId, caller.get(), request.staffCode(), request.pin(), request.action(), saleId);
        return Response.status(Response.Status.CREATED).entity(ApprovalView.of(approval)).build();
    }
}
