package org.guitai.store.staff.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.staff.service.StaffAdministration;

/** What a store manager does to a colleague's access: lift a login lock, disable them. */
@Path("staff/{code}")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class StaffResource {

    public record UnlockRequest(@Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "must be 1 to 16 letters, digits or dashes") String terminalId) {
    }

    @Inject
    StaffAdministration administration;

    @Inject
    CurrentCaller caller;

    /** Lifts the login lock of a staff code at one terminal ({@code terminalId}) or at every terminal. */
    @POST
    @Path("unlock")
    @APIResponse(responseCode = "204", description = "the login lock is lifted")
    public Response unlock(@PathParam("code") String code, @Valid UnlockRequest request) {
        administration.unlock(code, Optional.ofNullable(request).map(UnlockRequest::terminalId), caller.get());
        return Response.noContent().build();
    }

    /** Disables a staff member; their sessions end at once. */
    @POST
    @Path("disable")
    @APIResponse(responseCode = "204", description = "disabled; their sessions have ended")
    public Response disable(@PathParam("code") String code) {
        administration.disable(code, caller.get());
        return Response.noContent().build();
    }
}
