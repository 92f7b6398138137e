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

    @PersistenceContext(unitName = "store")
    EntityManager em;

    public Optional<Product> find(String sku) {
        return Optional.ofNullable(em.find(Product.class, sku));
    }

    public Optional<Product> findByBarcode(String barcode) {
        return em.createQuery("select p from Product p where p.barcode = :barcode", Product.class)
                .setParameter("barcode", barcode)
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

    public Optional<Stock> stock(String sku) {
        return Optional.ofNullable(em.find(Stock.class, sku));
    }

    /** The stock row locked until the transaction ends, for taking goods out. */
    public Optional<Stock> stockForUpdate(String sku) {
        return Optional.ofNullable(em.find(Stock.class, sku, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(Product product) {
        em.persist(product);
    }

    public void add(Stock stock) {
        em.persist(stock);
    }
}
