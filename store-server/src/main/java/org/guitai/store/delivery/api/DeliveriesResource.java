package org.guitai.store.delivery.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import static jakarta.ws.rs.core.MediaType.TEXT_HTML;

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
import java.util.Optional;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.RefusesCardNumbers;
import org.guitai.store.delivery.service.Deliveries;
import org.guitai.store.delivery.service.DeliveryNotes;

@Path("deliveries/{id}")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class DeliveriesResource {

    @Inject
    Deliveries deliveries;

    @Inject
    DeliveryNotes notes;

    @Inject
    CurrentCaller caller;

    @GET
    public DeliveryView get(@PathParam("id") String id) {
        return DeliveryView.of(deliveries.get(id));
    }

    /** Moves the delivery on: SCHEDULED, OUT_FOR_DELIVERY, DELIVERED or FAILED. */
    @POST
    @Path("status")
    @RefusesCardNumbers(members = {"note"})
    public DeliveryView move(@PathParam("id") String id, @NotNull @Valid StatusRequest request) {
        return DeliveryView.of(deliveries.move(id, request.status(), Optional.ofNullable(request.note()).map(String::trim)
                .filter(n -> !n.isEmpty()), caller.get()));
    }

    /** The printable delivery note. */
    @GET
    @Path("note")
    @Produces(TEXT_HTML)
    public String note(@PathParam("id") String id) {
        return notes.note(deliveries.get(id));
    }
}
