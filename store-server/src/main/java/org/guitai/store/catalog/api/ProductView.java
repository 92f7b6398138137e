package org.guitai.store.catalog.api;

import org.guitai.store.catalog.domain.Product;
import org.guitai.store.catalog.service.CatalogService;

public record ProductView(String sku, String barcode, String name, String brand, String model, String spec, String colour,
                          String unit, String category, String price, String currency, String vatRate, String stock) {

    static ProductView of(CatalogService.Item item) {
        Product p = item.product();
        Product.Description d = p.description();
        return new ProductView(p.sku(), p.barcode(), d.name(), d.brand(), d.model(), d.spec(), d.colour(), d.unit(), p.category(),
                p.price().toPlainString(), p.price().currency().getCurrencyCode(),
                p.vatRate().stripTrailingZeros().toPlainString(), item.stock().stripTrailingZeros().toPlainString());
    }
}
