package org.guitai.hq.staff.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.guitai.hq.staff.service.SessionService;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.Public;
import org.guitai.platform.security.SessionView;
import org.guitai.platform.security.TokenFilter;

/** HQ staff sessions: log in, see who one is, log out. */
@Path("sessions")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class SessionsResource {

    @Inject
    SessionService sessions;

    @Inject
    CurrentCaller caller;

    @POST
    @Public
    @APIResponse(responseCode = "201", description = "logged in: the session token and who it is",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "SessionView")))
    public Response login(@NotNull @Valid LoginRequest request) {
        SessionService.Login login = sessions.login(request.staffCode(), request.password());
        return Response.status(Response.Status.CREATED).entity(SessionView.of(login.token(), login.caller())).build();
    }

    @GET
    @Path("current")
    public SessionView current() {
        return SessionView.of(null, caller.get());
    }

    /** Ends the session of the token this call carries (the token filter let it in with it). */
    @DELETE
    @Path("current")
    @APIResponse(responseCode = "204", description = "logged out")
    public Response logout(@Context HttpHeaders headers) {
        sessions.logout(TokenFilter.bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION)).orElseThrow());
        return Response.noContent().build();
    }
}
