package org.guitai.store.catalog.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.store.catalog.service.CatalogService;

@Path("products")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class ProductsResource {

    @Inject
    CatalogService catalog;

    /**
     * {@code ?barcode=} finds the one product with that EAN-13 (404 when none); {@code ?q=} searches
     * name, brand, model, spec and SKU (an empty list when nothing matches).
     */
    @GET
    public List<ProductView> find(@QueryParam("barcode") String barcode, @QueryParam("q") String q) {
        if (barcode != null && !barcode.isBlank()) {
            return List.of(ProductView.of(catalog.byBarcode(barcode.trim())));
        }
        if (q != null && !q.isBlank()) {
            if (q.length() > 60) {
                throw new InvalidRequestException("a search text has at most 60 characters");
            }
            return catalog.search(q).stream().map(ProductView::of).toList();
        }
        throw new InvalidRequestException("give ?barcode= or ?q= to find products");
    }

    @GET
    @Path("{sku}")
    public ProductView get(@PathParam("sku") String sku) {
        return ProductView.of(catalog.bySku(sku));
    }
}
