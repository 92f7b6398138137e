package org.guitai.store.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** How many of one product the store holds. */
@Entity
@Table(name = "stock")
public class Stock {

    @Id
    @Column(name = "sku")
    private String sku;

    @Column(name = "on_hand")
    private BigDecimal onHand;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Stock() {
    }

    public Stock(String sku, BigDecimal onHand, Instant now) {
        this.sku = sku;
        this.onHand = onHand;
        this.updatedAt = now;
    }

    public String sku() {
        return sku;
    }

    public BigDecimal onHand() {
        return onHand;
    }

    public void set(BigDecimal quantity, Instant now) {
        this.onHand = quantity;
        this.updatedAt = now;
    }

    public void take(BigDecimal quantity, Instant now) {
        this.onHand = onHand.subtract(quantity);
        this.updatedAt = now;
    }

    public void put(BigDecimal quantity, Instant now) {
        this.onHand = onHand.add(quantity);
        this.updatedAt = now;
    }
}
