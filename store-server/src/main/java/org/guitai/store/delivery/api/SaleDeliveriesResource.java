package org.guitai.store.delivery.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.guitai.kernel.contact.PhoneNumber;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.RefusesCardNumbers;
import org.guitai.store.delivery.service.Deliveries;

/** Deliveries of one sale (a second resource on {@code sales}: JAX-RS merges them). */
@Path("sales")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class SaleDeliveriesResource {

    @Inject
    Deliveries deliveries;

    @Inject
    CurrentCaller caller;

    /** 送货: books a delivery of a paid sale; repeating the id returns the same delivery. */
    @POST
    @Path("{id}/delivery")
    @RefusesCardNumbers(members = {"contact", "phone", "address"})
    @APIResponse(responseCode = "201", description = "the booked delivery",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "DeliveryView")))
    public Response request(@PathParam("id") String saleId, @NotNull @Valid DeliveryRequest request, @Context UriInfo uri) {
        if (!PhoneNumber.isValid(request.phone())) {
            throw new InvalidRequestException("phone '" + request.phone() + "' is not a mainland mobile (13800138000) or landline (010-12345678) number");
        }
        Deliveries.Request booking = new Deliveries.Request(request.id().toString(), request.contact().trim(), new PhoneNumber(request.phone()),
                request.address().trim(), localTime("window.from", request.window().from()), localTime("window.to", request.window().to()));
        DeliveryView delivery = DeliveryView.of(deliveries.request(saleId, booking, caller.get()));
        return Response.created(uri.getBaseUriBuilder().path("deliveries").path(delivery.id()).build()).entity(delivery).build();
    }

    private static LocalDateTime localTime(String field, String value) {
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field + " '" + value + "' is not a valid local date and time");
        }
    }

    @GET
    @Path("{id}/deliveries")
    public List<DeliveryView> list(@PathParam("id") String saleId) {
        return deliveries.forSale(saleId).stream().map(DeliveryView::of).toList();
    }
}
