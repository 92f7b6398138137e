package org.guitai.store.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.guitai.kernel.barcode.Ean13;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.GaplessNumbers;
import org.guitai.platform.persistence.InstantConverter;
import org.guitai.platform.persistence.Update;
import org.guitai.store.catalog.domain.Product;
import org.guitai.store.catalog.domain.Stock;

@ApplicationScoped
public class CatalogRepository {

    /** Lookups for the counter: not tracked for changes when the transaction commits. */
    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext(unitName = "store")
    EntityManager em;

    public Optional<Product> find(String sku) {
        return Optional.ofNullable(em.find(Product.class, sku));
    }

    public Optional<Product> findByBarcode(String barcode) {
        return em.createQuery("select p from Product p where p.barcode = :barcode", Product.class)
                .setParameter("barcode", barcode)
                .setHint(READ_ONLY, true)
                .getResultStream().findFirst();
    }

    /** Active products whose name, brand, model, spec or SKU contains the text. */
    public List<Product> search(String text, int limit) {
        String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createQuery("""
                        select p from Product p where p.active = true and (
                          lower(p.name) like :q or lower(p.brand) like :q or lower(p.model) like :q
                          or lower(p.spec) like :q or lower(p.sku) like :q or p.barcode like :q)
                        order by p.name, p.sku""", Product.class)
                .setParameter("q", pattern)
                .setMaxResults(limit)
                .getResultList();
    }

    /** A product and what the store holds of it (zero without a stock row). */
    public record Stocked(Product product, BigDecimal onHand) {
    }

    /**
     * The active products with these barcodes or SKUs, each with its stock and priced as they were
     * at {@code pricedAt}: the last price of the product's history from then or before, or its first
     * price when it came into the catalog later (a terminal whose clock runs behind). One query on
     * the caller's transaction's connection: the lookup of every submitted sale, read without
     * building a JPA query for a statement whose text changes with the number of codes.
     */
    public List<Stocked> findWithStock(Collection<String> barcodes, Collection<String> skus, Instant pricedAt) {
        if (barcodes.isEmpty() && skus.isEmpty()) {
            return List.of();
        }
        // by barcode, by SKU or (seldom) by both: an OR of the two makes MariaDB merge two index scans
        String where = barcodes.isEmpty() ? "p.sku in (" + placeholders(skus.size()) + ")"
                : skus.isEmpty() ? "p.barcode in (" + placeholders(barcodes.size()) + ")"
                : "(p.barcode in (" + placeholders(barcodes.size()) + ") or p.sku in (" + placeholders(skus.size()) + "))";
        String sql = "select p.sku, p.barcode, p.name, p.brand, p.model, p.spec, p.colour, p.unit,"
                + " coalesce((select h.price from product_price h where h.sku = p.sku and h.effective_from <= ?"
                + " order by h.effective_from desc limit 1),"
                + " (select h.price from product_price h where h.sku = p.sku order by h.effective_from limit 1), p.price),"
                + " p.currency, p.vat_rate, s.on_hand"
                + " from product p left join stock s on s.sku = p.sku where " + where + " and p.active";
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, InstantConverter.utc(pricedAt));
            int p = 2;
            for (String code : barcodes) {
                query.setString(p++, code);
            }
            for (String code : skus) {
                query.setString(p++, code);
            }
            List<Stocked> found = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Product product = new Product(row.getString(1), new Ean13(row.getString(2)),
                            new Product.Description(row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                                    row.getString(8)),
                            Money.of(row.getBigDecimal(9), Currency.getInstance(row.getString(10))), row.getBigDecimal(11));
                    BigDecimal onHand = row.getBigDecimal(12);
                    found.add(new Stocked(product, onHand == null ? BigDecimal.ZERO : onHand));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("looking up products failed", e);
        }
    }

    /** The catalog's version: that of its last change (0 before any). */
    public long version() {
        return ((Number) em.createNativeQuery("select version from catalog_version where id = 1").getSingleResult()).longValue();
    }

    /**
     * A product as a terminal's snapshot keeps it, with the catalog version of its last change: the
     * row as stored, not a domain object, so that a whole catalog streams without building one per row.
     */
    public record Changed(String sku, String barcode, String name, String brand, String model, String spec, String colour, String unit,
                          String category, BigDecimal price, String currency, BigDecimal vatRate, boolean active, BigDecimal onHand,
                          long version) {
    }

    /**
     * Hands on, in version order, every product changed after version {@code since} up to {@code upTo},
     * streamed from the database row by row (a terminal's first snapshot is the whole catalog).
     */
    public void changes(long since, long upTo, Consumer<Changed> sink) {
        String sql = "select p.sku, p.barcode, p.name, p.brand, p.model, p.spec, p.colour, p.unit, p.category, p.price, p.currency,"
                + " p.vat_rate, p.active, p.version, s.on_hand from product p left join stock s on s.sku = p.sku"
                + " where p.version > ? and p.version <= ? order by p.version";
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement query = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // rows as they come, not the whole answer in memory first
            query.setFetchSize(1000);
            query.setLong(1, since);
            query.setLong(2, upTo);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    BigDecimal onHand = row.getBigDecimal(15);
                    sink.accept(new Changed(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getString(8), Objects.requireNonNullElse(row.getString(9), ""),
                            row.getBigDecimal(10), row.getString(11), row.getBigDecimal(12), row.getBoolean(13),
                            onHand == null ? BigDecimal.ZERO : onHand, row.getLong(14)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog's changes failed", e);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * Takes the quantities out of stock in one statement, which also locks the rows (in key order,
     * so two sales never wait on each other) until the transaction ends. Unless {@code belowZero},
     * a row is left alone when it holds less than asked.
     *
     * @return how many of the SKUs were taken from (fewer when a row is missing or short)
     */
    public int take(Map<String, BigDecimal> quantityBySku, boolean belowZero, Instant now) {
        return taking(quantityBySku, belowZero, now).execute(em);
    }

    /** The same, and the next number of {@code counter} in the same round trip (a sale paid as its goods leave). */
    public GaplessNumbers.Taken takeWithNumber(Map<String, BigDecimal> quantityBySku, boolean belowZero, Instant now, String counter) {
        return GaplessNumbers.nextAfter(em, counter, taking(quantityBySku, belowZero, now));
    }

    /** The statement of {@link #take}: its text changes with the number of SKUs, so it is not a JPA query. */
    private static Update taking(Map<String, BigDecimal> quantityBySku, boolean belowZero, Instant now) {
        String quantity = "case sku" + " when ? then ?".repeat(quantityBySku.size()) + " end";
        String sql = "update stock set on_hand = on_hand - " + quantity + ", updated_at = ? where sku in ("
                + placeholders(quantityBySku.size()) + ")" + (belowZero ? "" : " and on_hand >= " + quantity);
        List<Object> parameters = new ArrayList<>();
        quantityBySku.forEach((sku, taken) -> {
            parameters.add(sku);
            parameters.add(taken);
        });
        parameters.add(now);
        parameters.addAll(quantityBySku.keySet());
        if (!belowZero) {
            quantityBySku.forEach((sku, taken) -> {
                parameters.add(sku);
                parameters.add(taken);
            });
        }
        return new Update(sql, parameters);
    }

    /** The stock rows locked until the transaction ends, in SKU order so two transactions never wait on each other. */
    public List<Stock> stocksForUpdate(java.util.Collection<String> skus) {
        return em.createQuery("select s from Stock s where s.sku in :skus order by s.sku", Stock.class)
                .setParameter("skus", skus).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** What a stock row holds and when it last changed, as this transaction sees it. */
    public record StockRow(BigDecimal onHand, Instant updatedAt) {
    }

    /** The stock rows of these SKUs as this transaction sees them (its own updates included), by SKU. */
    public Map<String, StockRow> stockRows(Collection<String> skus) {
        var query = em.createNativeQuery("select sku, on_hand, updated_at from stock where sku in ("
                + String.join(", ", Collections.nCopies(skus.size(), "?")) + ")");
        int position = 1;
        for (String sku : skus) {
            query.setParameter(position++, sku);
        }
        Map<String, StockRow> rows = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            LocalDateTime updated = columns[2] instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) columns[2];
            rows.put((String) columns[0], new StockRow((BigDecimal) columns[1], updated.toInstant(ZoneOffset.UTC)));
        }
        return rows;
    }

    public Optional<Stock> stock(String sku) {
        return Optional.ofNullable(em.find(Stock.class, sku));
    }

    public void add(Product product) {
        em.persist(product);
    }

    public void add(Stock stock) {
        em.persist(stock);
    }
}
