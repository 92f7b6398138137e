package org.guitai.hq.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import org.guitai.kernel.money.Money;

/** One line of a completed sale, for product and category figures. */
@Entity
@Table(name = "sale_fact_line")
@IdClass(SaleFactLine.Key.class)
public class SaleFactLine {

    public record Key(String storeId, String lineId) implements Serializable {
    }

    @Id
    @Column(name = "store_id")
    private String storeId;

    @Id
    @Column(name = "line_id")
    private String lineId;

    @Column(name = "sale_id")
    private String saleId;

    @Column(name = "sku")
    private String sku;

    @Column(name = "quantity")
    private BigDecimal quantity;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    @Column(name = "amount")
    private BigDecimal amount;

    @Column(name = "vat_rate")
    private BigDecimal vatRate;

    protected SaleFactLine() {
    }

    public SaleFactLine(String storeId, String lineId, String saleId, String sku, BigDecimal quantity, Money unitPrice,
                        Money amount, BigDecimal vatRate) {
        this.storeId = storeId;
        this.lineId = lineId;
        this.saleId = saleId;
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice.amount();
        this.amount = amount.amount();
        this.vatRate = vatRate;
    }

    public Key key() {
        return new Key(storeId, lineId);
    }

    public String saleId() {
        return saleId;
    }

    public String sku() {
        return sku;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    /** In the currency of its sale. */
    public BigDecimal unitPrice() {
        return unitPrice;
    }

    /** In the currency of its sale. */
    public BigDecimal amount() {
        return amount;
    }

    /** A fraction: 0.13 is 13 %. */
    public BigDecimal vatRate() {
        return vatRate;
    }
}
