package org.guitai.terminal.catalog.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.guitai.terminal.platform.problem.TerminalRuleException;
import org.guitai.terminal.catalog.service.Catalog;

/** The terminal's catalog snapshot: its version and size, and a product by barcode, answered without the store. */
@Path("terminal/catalog")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class CatalogResource {

    /** {@code lastCatchUp}: the last time the snapshot caught up with the store (products, full load or delta, milliseconds). */
    public record CatalogView(long version, int products, Catalog.CatchUp lastCatchUp) {
    }

    @Inject
    Catalog catalog;

    @GET
    public CatalogView get() {
        return new CatalogView(catalog.version(), catalog.size(), catalog.lastCatchUp().orElse(null));
    }

    @GET
    @Path("products/{barcode}")
    public JsonObject byBarcode(@PathParam("barcode") String barcode) {
        return catalog.byBarcode(barcode).map(p -> p.json())
                .orElseThrow(() -> new TerminalRuleException("product-not-found", 404, "Product not found",
                        "no product with barcode " + barcode + " in this terminal's catalog snapshot (version " + catalog.version() + ")"));
    }
}
