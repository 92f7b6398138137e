package org.guitai.store.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.guitai.kernel.barcode.Ean13;
import org.guitai.platform.persistence.GaplessNumbers;
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
     * Goods leave the store: the stock rows are reduced in the caller's transaction and stay
     * locked until it ends. Unless the store sells below zero, a quantity beyond what is on hand
     * now is refused: another counter may have sold the last one.
     */
    @Transactional(TxType.MANDATORY)
    public void take(Map<String, BigDecimal> quantityBySku, boolean allowNegative, Instant now) {
        // the stamp tells, within this transaction, which rows the update took from
        Instant stamp = now.truncatedTo(ChronoUnit.MICROS);
        if (quantityBySku.isEmpty() || catalog.take(quantityBySku, allowNegative, stamp) == quantityBySku.size()) {
            return;
        }
        shortOfStock(quantityBySku, allowNegative, now, stamp);
    }

    /**
     * Takes the goods as {@link #take} does and, in the same round trip, the next number of
     * {@code counter}: the slip of a sale that is paid as its goods leave.
     */
    @Transactional(TxType.MANDATORY)
    public long takeWithNumber(Map<String, BigDecimal> quantityBySku, boolean allowNegative, Instant now, String counter) {
        Instant stamp = now.truncatedTo(ChronoUnit.MICROS);
        GaplessNumbers.Taken taken = catalog.takeWithNumber(quantityBySku, allowNegative, stamp, counter);
        if (taken.changedBefore() != quantityBySku.size()) {
            shortOfStock(quantityBySku, allowNegative, now, stamp);
        }
        return taken.number();
    }

    /** Some rows were not taken from: below zero they get theirs; else the first short SKU is refused, naming what it holds. */
    private void shortOfStock(Map<String, BigDecimal> quantityBySku, boolean allowNegative, Instant now, Instant stamp) {
        Map<String, CatalogRepository.StockRow> rows = catalog.stockRows(quantityBySku.keySet());
        if (allowNegative) {
            // every row there was taken from; the products without one get theirs, below zero
            new TreeMap<>(quantityBySku).forEach((sku, quantity) -> {
                if (!rows.containsKey(sku)) {
                    catalog.add(new Stock(sku, quantity.negate(), now));
                }
            });
            return;
        }
        // a row the update left alone holds less than asked (or is missing): refuse, naming it
        String shortSku = new TreeMap<>(quantityBySku).keySet().stream()
                .filter(sku -> !rows.containsKey(sku) || !rows.get(sku).updatedAt().equals(stamp))
                .findFirst().orElseThrow(() -> new IllegalStateException("fewer stock rows taken from than asked, none short"));
        throw new InsufficientStockException(shortSku, rows.containsKey(shortSku) ? rows.get(shortSku).onHand() : BigDecimal.ZERO);
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
     * The products (with stock) a whole sale document names, found in one query by barcode or
     * SKU in the caller's transaction, each at the price it had at {@code pricedAt}: a sale made
     * offline is held to the shelf price of its time, not to one set while the terminal was away.
     * A code that names no active product is refused like a single lookup would be.
     */
    @Transactional(TxType.MANDATORY)
    public Map<String, Item> items(Collection<String> barcodes, Collection<String> skus, Instant pricedAt) {
        for (String barcode : barcodes) {
            if (!Ean13.isValid(barcode)) {
                throw new InvalidBarcodeException(barcode);
            }
        }
        Map<String, Item> byCode = new HashMap<>();
        for (CatalogRepository.Stocked found : catalog.findWithStock(barcodes, skus, pricedAt)) {
            Item item = new Item(found.product(), found.onHand());
            byCode.put(found.product().barcode(), item);
            byCode.put(found.product().sku(), item);
        }
        barcodes.stream().filter(b -> !byCode.containsKey(b)).findFirst().ifPresent(b -> {
            throw new ProductNotFoundException("barcode " + b);
        });
        skus.stream().filter(s -> !byCode.containsKey(s)).findFirst().ifPresent(s -> {
            throw new ProductNotFoundException("SKU " + s);
        });
        return byCode;
    }

    /** The version of the catalog's last change: a terminal's snapshot that has it is up to date. */
    public long version() {
        return catalog.version();
    }

    /** The catalog's version when they were read, and the products changed after a terminal's version up to it. */
    public interface ChangesSink {

        void version(long version);

        void product(CatalogRepository.Changed changed);
    }

    /**
     * What changed after version {@code since}: the version now, read first, then every product
     * changed after {@code since} up to that version, in version order. Products changed meanwhile
     * carry a later version and come with the next call: a version is taken under the counter's row
     * lock and committed before the next is taken, so nothing numbered up to the version read is
     * still to commit.
     */
    @Transactional(TxType.REQUIRED)
    public void changes(long since, ChangesSink sink) {
        long version = catalog.version();
        sink.version(version);
        catalog.changes(since, version, sink::product);
    }

    private Item withStock(Product product) {
        return new Item(product, stockOf(product.sku()));
    }
}
