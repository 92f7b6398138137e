package org.guitai.store.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.guitai.kernel.barcode.Ean13;
import org.guitai.store.catalog.domain.InsufficientStockException;
import org.guitai.store.catalog.domain.InvalidBarcodeException;
import org.guitai.store.catalog.domain.Product;
import org.guitai.store.catalog.domain.ProductNotFoundException;
import org.guitai.store.catalog.domain.Stock;

/** Finding products for the counter, with what the store holds of each. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class CatalogService {

    public static final int SEARCH_LIMIT = 50;

    @Inject
    CatalogRepository catalog;

    public record Item(Product product, BigDecimal stock) {
    }

    public Item byBarcode(String barcode) {
        if (!Ean13.isValid(barcode)) {
            throw new InvalidBarcodeException(barcode);
        }
        Product product = catalog.findByBarcode(barcode).filter(Product::isActive)
                .orElseThrow(() -> new ProductNotFoundException("barcode " + barcode));
        return withStock(product);
    }

    public Item bySku(String sku) {
        Product product = catalog.find(sku).filter(Product::isActive)
                .orElseThrow(() -> new ProductNotFoundException("SKU " + sku));
        return withStock(product);
    }

    public List<Item> search(String text) {
        return catalog.search(text.trim(), SEARCH_LIMIT).stream().map(this::withStock).toList();
    }

    public BigDecimal stockOf(String sku) {
        return catalog.stock(sku).map(Stock::onHand).orElse(BigDecimal.ZERO);
    }

    /**
     * Goods leave the store: the stock rows are locked in SKU order (so two sales never wait on
     * each other's rows) and reduced in the caller's transaction. Unless the store sells below zero,
     * a quantity beyond what is on hand now is refused: another counter may have sold the last one.
     */
    @Transactional(TxType.MANDATORY)
    public void take(Map<String, BigDecimal> quantityBySku, boolean allowNegative, Instant now) {
        for (Map.Entry<String, BigDecimal> taken : new TreeMap<>(quantityBySku).entrySet()) {
            String sku = taken.getKey();
            Stock stock = catalog.stockForUpdate(sku).orElseGet(() -> {
                Stock none = new Stock(sku, BigDecimal.ZERO, now);
                catalog.add(none);
                return none;
            });
            if (!allowNegative && stock.onHand().compareTo(taken.getValue()) < 0) {
                throw new InsufficientStockException(sku, stock.onHand());
            }
            stock.take(taken.getValue(), now);
        }
    }

    private Item withStock(Product product) {
        return new Item(product, stockOf(product.sku()));
    }
}
