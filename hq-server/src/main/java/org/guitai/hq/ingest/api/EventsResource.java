package org.guitai.hq.ingest.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.guitai.hq.ingest.service.Ingest;
import org.guitai.hq.platform.security.Public;
import org.guitai.kernel.contract.BatchReceipt;
import org.guitai.kernel.contract.EventBatch;

/** Where stores deliver their outbox: authenticated by the store's credential, not a staff session. */
@Path("stores/{storeId}/events")
@ApplicationScoped
@Public
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class EventsResource {

    @Inject
    Ingest ingest;

    @POST
    @SecurityRequirement(name = "store")
    public BatchReceipt deliver(@PathParam("storeId") String storeId,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @NotNull EventBatch batch) {
        return ingest.receive(storeId, bearerCredential(authorization), batch);
    }

    /** The store's credential from {@code Authorization: Bearer <credential>} (the scheme in any case); else none. */
    static String bearerCredential(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }
}
