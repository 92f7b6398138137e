package org.guitai.store.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.guitai.kernel.barcode.Ean13;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.Keyed;

/**
 * A product of the catalog. The price includes VAT (shelf price); the VAT rate is 13 % or 9 % in
 * the sample catalog. The barcode is an EAN-13 whose check digit has been verified.
 */
@Entity
@Table(name = "product")
public class Product extends Keyed {

    @Id
    @Column(name = "sku")
    private String sku;

    @Column(name = "barcode")
    private String barcode;

    @Column(name = "name")
    private String name;

    @Column(name = "brand")
    private String brand;

    @Column(name = "model")
    private String model;

    @Column(name = "spec")
    private String spec;

    @Column(name = "colour")
    private String colour;

    @Column(name = "unit")
    private String unit;

    /** The department it is sold in (厨房电器, 服装鞋帽 ...), for the reports; empty when the catalog names none. */
    @Column(name = "category")
    private String category = "";

    @Column(name = "price")
    private BigDecimal price;

    @Column(name = "currency")
    private String currency;

    @Column(name = "vat_rate")
    private BigDecimal vatRate;

    @Column(name = "active")
    private boolean active;

    protected Product() {
    }

    public Product(String sku, Ean13 barcode, Description description, Money price, BigDecimal vatRate) {
        this.sku = Objects.requireNonNull(sku);
        this.barcode = barcode.value();
        describe(description);
        reprice(price, vatRate);
        this.active = true;
    }

    /** Name, brand, model, spec, colour and unit: what the slip and the invoice print. */
    /** Files the product under a category (an import column; empty for none). */
    public Product inCategory(String category) {
        String c = category == null ? "" : category.trim();
        if (c.length() > 60) {
            throw new IllegalArgumentException("a category has at most 60 characters: " + c);
        }
        this.category = c;
        return this;
    }

    public String category() {
        return category;
    }

    public record Description(String name, String brand, String model, String spec, String colour, String unit) {

        public Description {
            Objects.requireNonNull(name, "name");
            brand = Objects.requireNonNullElse(brand, "");
            model = Objects.requireNonNullElse(model, "");
            spec = Objects.requireNonNullElse(spec, "");
            colour = Objects.requireNonNullElse(colour, "");
            Objects.requireNonNull(unit, "unit");
        }
    }

    public void describe(Description d) {
        this.name = d.name();
        this.brand = d.brand();
        this.model = d.model();
        this.spec = d.spec();
        this.colour = d.colour();
        this.unit = d.unit();
    }

    public void reprice(Money price, BigDecimal vatRate) {
        if (price.isNegative()) {
            throw new IllegalArgumentException("a price cannot be negative: " + price);
        }
        if (vatRate.signum() < 0 || vatRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a VAT rate lies in [0, 1): " + vatRate);
        }
        this.price = price.amount();
        this.currency = price.currency().getCurrencyCode();
        this.vatRate = vatRate;
    }

    public String sku() {
        return sku;
    }

    public String barcode() {
        return barcode;
    }

    public Description description() {
        return new Description(name, brand, model, spec, colour, unit);
    }

    public Money price() {
        return Money.of(price, Currency.getInstance(currency));
    }

    public BigDecimal vatRate() {
        return vatRate;
    }

    public boolean isActive() {
        return active;
    }

    @Override
    protected Object key() {
        return sku;
    }
}
