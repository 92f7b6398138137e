package org.guitai.terminal.offline.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.ForbiddenException;
import org.guitai.platform.security.TokenFilter;
import org.guitai.terminal.offline.service.Documents;
import org.guitai.terminal.platform.problem.TerminalRuleException;

/**
 * {@code POST /api/terminal/documents}: a finished sale, the body the store's {@code POST
 * /api/sales/documents} takes ({@code terminalId} optional). 201 with the store's sale when the store
 * recorded it; the store's own 4xx problem when it refused it; 202 {@code {"id","status":"QUEUED",
 * "provisionalSlip"}} when the store did not answer in time (the terminal replays it). The same id
 * again: 200 with the sale once recorded, else 202 again; never a second sale.
 */
@Path("terminal/documents")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class DocumentsResource {

    /** A queued sale as the manager sees it. */
    public record QueuedView(long position, String saleId) {
    }

    @Inject
    Documents documents;

    @Inject
    CurrentCaller caller;

    @POST
    public Response hand(JsonValue document, @Context HttpHeaders headers) {
        if (document == null || document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("a sale document is a JSON object");
        }
        Optional<String> bearer = TokenFilter.bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        Documents.Outcome outcome = documents.hand(document.asJsonObject(), caller.get(), bearer);
        return Response.status(outcome.status()).type(outcome.problem() ? "application/problem+json" : APPLICATION_JSON)
                .entity(outcome.body()).build();
    }

    /** The sales waiting for the store, in the order they will be sent. */
    @GET
    public List<QueuedView> waiting() {
        return documents.waiting().stream().map(q -> new QueuedView(q.position(), q.saleId())).toList();
    }

    /** A store manager sends a refused sale again, once whatever the store refused is put right (a product, a price, a shift). */
    @POST
    @Path("refused/{saleId}/retry")
    public Response retry(@PathParam("saleId") String saleId) {
        if (!caller.get().roles().contains("STORE_MANAGER")) {
            throw new ForbiddenException("sending a refused sale again is for a store manager");
        }
        if (!documents.retryRefused(saleId)) {
            throw new TerminalRuleException("not-found", 404, "Not found", "no refused sale " + saleId + " is kept at this terminal");
        }
        return Response.accepted().build();
    }

    /** Sales the store refused, each with the store's reason: kept for the manager, never dropped. */
    @GET
    @Path("refused")
    public String refused() {
        return "[" + String.join(",", documents.refused()) + "]";
    }
}
