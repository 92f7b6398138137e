package org.guitai.store.sale.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.Keyed;

/**
 * One line of a sale: a snapshot of the product as sold (description, list price, VAT rate), the
 * base price (list price or approved override), the line discount, the quantity, the actual unit
 * price after discounts and amount = quantity x unit price. A voided line stays on the sale, out of its total.
 */
@Entity
@Table(name = "sale_line")
public class SaleLine extends Keyed {

    @Id
    @Column(name = "id")
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sale_id")
    private Sale sale;

    @Column(name = "line_no")
    private int lineNo;

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

    @Column(name = "quantity")
    private BigDecimal quantity;

    @Column(name = "list_price")
    private BigDecimal listPrice;

    @Column(name = "base_price")
    private BigDecimal basePrice;

    @Column(name = "discount_rate")
    private BigDecimal discountRate;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    @Column(name = "amount")
    private BigDecimal amount;

    @Column(name = "vat_rate")
    private BigDecimal vatRate;

    @Column(name = "voided")
    private boolean voided;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by")
    private String voidedBy;

    protected SaleLine() {
    }

    SaleLine(String id, Sale sale, int lineNo, SoldItem item, BigDecimal quantity, Money basePrice, BigDecimal discountRate) {
        this.id = id;
        this.sale = sale;
        this.lineNo = lineNo;
        this.sku = item.sku();
        this.barcode = item.barcode();
        this.name = item.name();
        this.brand = item.brand();
        this.model = item.model();
        this.spec = item.spec();
        this.colour = item.colour();
        this.unit = item.unit();
        this.listPrice = item.listPrice().amount();
        this.vatRate = item.vatRate();
        this.quantity = quantity;
        this.basePrice = basePrice.amount();
        this.discountRate = discountRate;
    }

    /** Recomputes unit price and amount from the base price, the discounts and the quantity. */
    void price(BigDecimal orderRate, RoundingMode rounding) {
        Money unit = Pricing.unitPrice(basePrice(), discountRate, orderRate, rounding);
        BigDecimal exact = unit.amount().multiply(quantity);
        if (exact.stripTrailingZeros().scale() > unit.amount().scale()) {
            throw new SaleRuleException("inexact-amount", "Amount is not whole fen",
                    quantity.stripTrailingZeros().toPlainString() + " x " + unit.toPlainString() + " = " + exact.stripTrailingZeros().toPlainString()
                            + ": the invoice shows amount = quantity x unit price exactly, so sell a quantity that makes whole fen");
        }
        this.unitPrice = unit.amount();
        this.amount = Pricing.amount(unit, quantity, rounding).amount();
    }

    void changeQuantity(BigDecimal newQuantity) {
        this.quantity = newQuantity;
    }

    void reprice(Money newBasePrice) {
        if (!newBasePrice.currency().equals(currency())) {
            throw new IllegalArgumentException("a line's price is in " + currency() + ", not " + newBasePrice.currency());
        }
        this.basePrice = newBasePrice.amount();
    }

    void discount(BigDecimal rate) {
        this.discountRate = rate;
    }

    void voidBy(String staffCode, Instant now) {
        this.voided = true;
        this.voidedAt = now;
        this.voidedBy = staffCode;
    }

    public String id() {
        return id;
    }

    public int lineNo() {
        return lineNo;
    }

    public SoldItem item() {
        return new SoldItem(sku, barcode, name, brand, model, spec, colour, unit, Money.of(listPrice, currency()), vatRate);
    }

    public String sku() {
        return sku;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public Money listPrice() {
        return Money.of(listPrice, currency());
    }

    /** The list price, or the price a manager approved instead. */
    public Money basePrice() {
        return Money.of(basePrice, currency());
    }

    public boolean isOverridden() {
        return basePrice.compareTo(listPrice) != 0;
    }

    public BigDecimal discountRate() {
        return discountRate;
    }

    /** The actual unit price after discounts. */
    public Money unitPrice() {
        return Money.of(unitPrice, currency());
    }

    public Money amount() {
        return Money.of(amount, currency());
    }

    public BigDecimal vatRate() {
        return vatRate;
    }

    public boolean isVoided() {
        return voided;
    }

    private Currency currency() {
        return sale.currency();
    }

    @Override
    protected Object key() {
        return id;
    }
}
