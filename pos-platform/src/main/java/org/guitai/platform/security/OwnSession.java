package org.guitai.platform.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What a logged-in caller does with their own session, the same on every server: see who they
 * are, log out. A server's sessions resource extends it and adds its own login.
 */
public abstract class OwnSession {

    @Inject
    protected CurrentCaller caller;

    @Inject
    Sessions sessions;

    @GET
    @Path("current")
    public SessionView current() {
        return SessionView.of(null, caller.get());
    }

    @DELETE
    @Path("current")
    @APIResponse(responseCode = "204", description = "logged out")
    public Response logout(@Context HttpHeaders headers) {
        // the token filter let this call in with exactly this header's token
        sessions.logout(TokenFilter.bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION)).orElseThrow());
        return Response.noContent().build();
    }
}
