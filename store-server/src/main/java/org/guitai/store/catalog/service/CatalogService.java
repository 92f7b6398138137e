package org.guitai.store.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
        Map<String, Stock> locked = new TreeMap<>();
        catalog.stocksForUpdate(quantityBySku.keySet()).forEach(s -> locked.put(s.sku(), s));
        for (Map.Entry<String, BigDecimal> taken : new TreeMap<>(quantityBySku).entrySet()) {
            String sku = taken.getKey();
            Stock stock = locked.computeIfAbsent(sku, none -> {
                Stock empty = new Stock(sku, BigDecimal.ZERO, now);
                catalog.add(empty);
                return empty;
            });
            if (!allowNegative && stock.onHand().compareTo(taken.getValue()) < 0) {
                throw new InsufficientStockException(sku, stock.onHand());
            }
            stock.take(taken.getValue(), now);
        }
    }

    /** Goods held for a sale that was never paid go back on the shelf, in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public void putBack(Map<String, BigDecimal> quantityBySku, Instant now) {
        Map<String, Stock> locked = new TreeMap<>();
        catalog.stocksForUpdate(quantityBySku.keySet()).forEach(s -> locked.put(s.sku(), s));
        new TreeMap<>(quantityBySku).forEach((sku, quantity) -> locked.computeIfAbsent(sku, none -> {
            Stock empty = new Stock(sku, BigDecimal.ZERO, now);
            catalog.add(empty);
            return empty;
        }).put(quantity, now));
    }

    /**
     * The products (with stock) a whole sale document names, found in two queries: by barcode and
     * by SKU. A code that names no active product is refused like a single lookup would be.
     */
    public Map<String, Item> items(Collection<String> barcodes, Collection<String> skus) {
        for (String barcode : barcodes) {
            if (!Ean13.isValid(barcode)) {
                throw new InvalidBarcodeException(barcode);
            }
        }
        List<Product> products = new ArrayList<>(catalog.findByBarcodes(barcodes));
        products.addAll(catalog.findAll(skus));
        Map<String, BigDecimal> stock = new HashMap<>();
        catalog.stocks(products.stream().map(Product::sku).toList()).forEach(s -> stock.put(s.sku(), s.onHand()));
        Map<String, Item> byCode = new HashMap<>();
        for (Product p : products) {
            if (p.isActive()) {
                Item item = new Item(p, stock.getOrDefault(p.sku(), BigDecimal.ZERO));
                byCode.put(p.barcode(), item);
                byCode.put(p.sku(), item);
            }
        }
        barcodes.stream().filter(b -> !byCode.containsKey(b)).findFirst().ifPresent(b -> {
            throw new ProductNotFoundException("barcode " + b);
        });
        skus.stream().filter(s -> !byCode.containsKey(s)).findFirst().ifPresent(s -> {
            throw new ProductNotFoundException("SKU " + s);
        });
        return byCode;
    }

    private Item withStock(Product product) {
        return new Item(product, stockOf(product.sku()));
    }
}
