package org.guitai.store.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
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

    /** The products with these barcodes, in one query. */
    public List<Product> findByBarcodes(java.util.Collection<String> barcodes) {
        return barcodes.isEmpty() ? List.of() : em.createQuery("select p from Product p where p.barcode in :barcodes", Product.class)
                .setParameter("barcodes", barcodes).setHint(READ_ONLY, true).getResultList();
    }

    public List<Product> findAll(java.util.Collection<String> skus) {
        return skus.isEmpty() ? List.of() : em.createQuery("select p from Product p where p.sku in :skus", Product.class)
                .setParameter("skus", skus).setHint(READ_ONLY, true).getResultList();
    }

    public List<Stock> stocks(java.util.Collection<String> skus) {
        return skus.isEmpty() ? List.of() : em.createQuery("select s from Stock s where s.sku in :skus", Stock.class)
                .setParameter("skus", skus).setHint(READ_ONLY, true).getResultList();
    }

    /** The stock rows locked until the transaction ends, in SKU order so two transactions never wait on each other. */
    public List<Stock> stocksForUpdate(java.util.Collection<String> skus) {
        return em.createQuery("select s from Stock s where s.sku in :skus order by s.sku", Stock.class)
                .setParameter("skus", skus).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
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
