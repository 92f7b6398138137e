package org.guitai.store.invoice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Optional;

/** One line of an invoice, as printed; on a red-letter invoice its quantity, amount, net and tax are negative. */
@Embeddable
public class InvoiceLine {

    @Column(name = "sale_line_id")
    private String saleLineId;

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

    InvoiceLine(String saleLineId, String name, String brand, String model, String spec, String colour, String unit, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal amount, BigDecimal vatRate, BigDecimal net, BigDecimal tax) {
        this.saleLineId = saleLineId;
        this.name = name;
        this.brand = brand;
        this.model = model;
        this.spec = spec;
        this.colour = colour;
        this.unit = unit;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.amount = amount;
        this.vatRate = vatRate;
        this.net = net;
        this.tax = tax;
    }

    /** The sale line a red-letter line takes back; empty on a normal invoice's line. */
    public Optional<String> saleLineId() {
        return Optional.ofNullable(saleLineId);
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
