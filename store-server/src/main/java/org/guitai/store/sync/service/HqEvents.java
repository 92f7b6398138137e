package org.guitai.store.sync.service;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.guitai.kernel.contract.BatchReceipt;
import org.guitai.kernel.contract.EventBatch;

/** HQ's inbox as the store sees it (MicroProfile Rest Client). The path sits on the method so the store's own JAX-RS runtime does not mistake this for a resource. */
public interface HqEvents {

    @POST
    @Path("api/stores/{storeId}/events")
    @Consumes(APPLICATION_JSON)
    @Produces(APPLICATION_JSON)
    BatchReceipt deliver(@PathParam("storeId") String storeId, @HeaderParam("Authorization") String authorization, EventBatch batch);
}
