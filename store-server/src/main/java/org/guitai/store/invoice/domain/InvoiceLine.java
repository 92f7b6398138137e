package org.guitai.store.invoice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One line of an invoice, as printed. */
@Embeddable
public class InvoiceLine {

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

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    @Column(name = "amount")
    private BigDecimal amount;

    @Column(name = "vat_rate")
    private BigDecimal vatRate;

    @Column(name = "net")
    private BigDecimal net;

    @Column(name = "tax")
    private BigDecimal tax;

    protected InvoiceLine() {
    }

    InvoiceLine(InvoiceDraft.Line line, BigDecimal net, BigDecimal tax) {
        this.name = line.name();
        this.brand = line.brand();
        this.model = line.model();
        this.spec = line.spec();
        this.colour = line.colour();
        this.unit = line.unit();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice().amount();
        this.amount = line.amount().amount();
        this.vatRate = line.vatRate();
        this.net = net;
        this.tax = tax;
    }

    public String name() {
        return name;
    }

    public String brand() {
        return brand;
    }

    public String model() {
        return model;
    }

    public String spec() {
        return spec;
    }

    public String colour() {
        return colour;
    }

    public String unit() {
        return unit;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal vatRate() {
        return vatRate;
    }

    public BigDecimal net() {
        return net;
    }

    public BigDecimal tax() {
        return tax;
    }
}
