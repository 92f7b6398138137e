package org.guitai.store.catalog.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code GET /api/catalog/changes} answers (written as it is read, so this record only
 * describes it): the catalog's version, and each product changed since the asked one as
 * {@link ProductView} writes it, with whether it is still sold and the version of its change.
 */
@Schema(name = "CatalogChangesView")
public record CatalogChangesView(long version, List<ProductChangeView> products) {

    @Schema(name = "ProductChangeView")
    public record ProductChangeView(String sku, String barcode, String name, String brand, String model, String spec, String colour,
                                    String unit, String category, String price, String currency, String vatRate, String stock,
                                    boolean active, long version) {
    }
}
