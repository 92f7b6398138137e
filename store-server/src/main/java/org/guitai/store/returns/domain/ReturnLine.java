package org.guitai.store.returns.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.Keyed;

/**
 * One returned line: the original sale line, how many units come back and what the return refunds
 * for them (their share of what was paid); once inspected, what became of them. Received once.
 */
@Entity
@Table(name = "return_line")
@IdClass(ReturnLine.Key.class)
public class ReturnLine extends Keyed {

    /** The composite key: the return and the sale line. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String saleReturn;
        private String saleLineId;

        public Key() {
        }

        public Key(String saleReturn, String saleLineId) {
            this.saleReturn = saleReturn;
            this.saleLineId = saleLineId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(saleReturn, k.saleReturn) && Objects.equals(saleLineId, k.saleLineId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(saleReturn, saleLineId);
        }
    }

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "return_id")
    private SaleReturn saleReturn;

    @Id
    @Column(name = "sale_line_id")
    private String saleLineId;

    @Column(name = "line_no")
    private int lineNo;

    @Column(name = "sku")
    private String sku;

    @Column(name = "barcode")
    private String barcode;

    @Column(name = "name")
    private String name;

    @Column(name = "spec")
    private String spec;

    @Column(name = "quantity")
    private BigDecimal quantity;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    @Column(name = "amount")
    private BigDecimal amount;

    @Column(name = "received")
    private BigDecimal received;

    @Enumerated(EnumType.STRING)
    @Column(name = "disposition")
    private Disposition disposition;

    @Column(name = "received_at")
    private Instant receivedAt;

    protected ReturnLine() {
    }

    /** A line to return, as the sale sold it. */
    public record Draft(String saleLineId, String sku, String barcode, String name, String spec, BigDecimal quantity, Money unitPrice, Money amount) {
    }

    ReturnLine(SaleReturn saleReturn, int lineNo, Draft draft) {
        this.saleReturn = saleReturn;
        this.lineNo = lineNo;
        this.saleLineId = draft.saleLineId();
        this.sku = draft.sku();
        this.barcode = draft.barcode();
        this.name = draft.name();
        this.spec = draft.spec() == null ? "" : draft.spec();
        this.quantity = draft.quantity();
        this.unitPrice = draft.unitPrice().amount();
        this.amount = draft.amount().amount();
    }

    void receive(BigDecimal quantity, Disposition disposition, Instant now) {
        this.received = quantity;
        this.disposition = disposition;
        this.receivedAt = now;
    }

    public String saleLineId() {
        return saleLineId;
    }

    public int lineNo() {
        return lineNo;
    }

    public String sku() {
        return sku;
    }

    public String barcode() {
        return barcode;
    }

    public String name() {
        return name;
    }

    public String spec() {
        return spec;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public Money unitPrice() {
        return Money.of(unitPrice, currency());
    }

    /** What the return refunds for this line. */
    public Money amount() {
        return Money.of(amount, currency());
    }

    public Optional<BigDecimal> received() {
        return Optional.ofNullable(received);
    }

    public Optional<Disposition> disposition() {
        return Optional.ofNullable(disposition);
    }

    private Currency currency() {
        return saleReturn.currency();
    }

    @Override
    protected Object key() {
        return saleReturn.id() + "/" + saleLineId;
    }
}
