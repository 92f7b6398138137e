package org.guitai.store.sale.domain;

import java.math.BigDecimal;
import java.util.Objects;
import org.guitai.kernel.money.Money;

/** What a line sells, copied from the catalog at the moment it was added, so later price changes do not touch it. */
public record SoldItem(String sku, String barcode, String name, String brand, String model, String spec, String colour,
                       String unit, Money listPrice, BigDecimal vatRate) {

    public SoldItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(vatRate, "vatRate");
    }
}
