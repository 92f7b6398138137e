package org.guitai.store.catalog.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.AcceptsTerminalSignature;
import org.guitai.store.catalog.service.CatalogRepository;
import org.guitai.store.catalog.service.CatalogService;

/** The catalog as a terminal keeps it to sell while the store is away: what changed since its snapshot. */
@Path("catalog/changes")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class CatalogChangesResource {

    @Inject
    CatalogService catalog;

    /**
     * {@code ?since=} a version the terminal has (0, the default, for the whole catalog): the
     * catalog's version now and every product changed after {@code since}, in version order, written
     * as they are read (a whole catalog of 100,000 products is never held in memory). Any logged-in
     * staff member may ask, and a terminal with its signature.
     */
    @GET
    @AcceptsTerminalSignature
    @SecurityRequirement(name = "staff")
    @SecurityRequirement(name = "terminal")
    @APIResponse(responseCode = "200", description = "the catalog's version and the products changed since the asked one",
            content = @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "CatalogChangesView")))
    public Response changes(@QueryParam("since") String since) {
        long after = since(since);
        StreamingOutput answer = out -> {
            try (JsonGenerator json = Json.createGenerator(out)) {
                json.writeStartObject();
                catalog.changes(after, new CatalogService.ChangesSink() {
                    @Override
                    public void version(long version) {
                        json.write("version", version);
                        json.writeStartArray("products");
                    }

                    @Override
                    public void product(CatalogRepository.Changed changed) {
                        write(json, changed);
                    }
                });
                json.writeEnd();
                json.writeEnd();
            }
        };
        return Response.ok(answer, APPLICATION_JSON).build();
    }

    private static long since(String since) {
        if (since == null || since.isBlank()) {
            return 0;
        }
        try {
            long version = Long.parseLong(since.trim());
            if (version < 0) {
                throw new InvalidRequestException("since is a catalog version, 0 or more: " + since);
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("since is a catalog version, a whole number: " + since);
        }
    }

    /** As {@link ProductView} writes a product, with whether it is sold and the version of its change. */
    private static void write(JsonGenerator json, CatalogRepository.Changed p) {
        json.writeStartObject()
                .write("sku", p.sku()).write("barcode", p.barcode()).write("name", p.name()).write("brand", p.brand())
                .write("model", p.model()).write("spec", p.spec()).write("colour", p.colour()).write("unit", p.unit())
                .write("category", p.category()).write("price", p.price().toPlainString()).write("currency", p.currency())
                .write("vatRate", p.vatRate().stripTrailingZeros().toPlainString())
                .write("stock", p.onHand().stripTrailingZeros().toPlainString())
                .write("active", p.active()).write("version", p.version())
                .writeEnd();
    }
}
