package org.guitai.store.terminal.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.guitai.platform.security.AcceptsTerminalSignature;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.terminal.service.TerminalKeys;
import org.guitai.store.terminal.service.TerminalStates;

@Path("terminals")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class TerminalsResource {

    @Inject
    TerminalKeys keys;

    @Inject
    TerminalStates states;

    @Inject
    CurrentCaller caller;

    /**
     * Enrols the key the terminal will sign with: 201 the first time, 200 when it is the key
     * enrolled already or (a store manager's) replacement of another.
     */
    @PUT
    @Path("{terminalId}/key")
    @APIResponse(responseCode = "201", description = "enrolled: the terminal's first key",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "TerminalView")))
    @APIResponse(responseCode = "200", description = "the same key again, or another that a store manager put in its place",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "TerminalView")))
    public Response enroll(@PathParam("terminalId") String terminalId, @NotNull @Valid KeyRequest request, @Context UriInfo uri) {
        TerminalKeys.Enrolled enrolled = keys.enroll(terminalId, request.publicKey(), caller.get());
        TerminalView view = TerminalView.of(enrolled.terminal());
        return enrolled.outcome() == TerminalKeys.Outcome.ENROLLED
                ? Response.created(uri.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    /** The terminal's unsent sales, reported by itself (signed) or through a session at it. */
    @PUT
    @Path("{terminalId}/state")
    @AcceptsTerminalSignature
    @SecurityRequirement(name = "staff")
    @SecurityRequirement(name = "terminal")
    public TerminalStateView report(@PathParam("terminalId") String terminalId, @NotNull @Valid StateRequest request) {
        return TerminalStateView.of(states.report(terminalId, request.pending(), caller.get()));
    }

    /** Every terminal with a key or a report, for a store manager. */
    @GET
    public List<TerminalView> list() {
        return states.list(caller.get()).stream().map(TerminalView::of).toList();
    }
}
