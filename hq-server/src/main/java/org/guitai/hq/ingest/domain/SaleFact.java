package org.guitai.hq.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.guitai.kernel.money.Money;

/** A completed sale of a store, as the chain reports read it. Inserted once, never changed. */
@Entity
@Table(name = "sale_fact")
@IdClass(SaleFact.Key.class)
public class SaleFact {

    public record Key(String storeId, String saleId) implements Serializable {
    }

    @Id
    @Column(name = "store_id")
    private String storeId;

    @Id
    @Column(name = "sale_id")
    private String saleId;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "cashier")
    private String cashier;

    @Column(name = "slip_number")
    private Long slipNumber;

    @Column(name = "business_date")
    private LocalDate businessDate;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "currency")
    private String currency;

    @Column(name = "total")
    private BigDecimal total;

    @Column(name = "tax")
    private BigDecimal tax;

    protected SaleFact() {
    }

    public SaleFact(String storeId, String saleId, String eventId, String terminalId, String cashier, Long slipNumber,
                    LocalDate businessDate, Instant completedAt, Money total, Money tax) {
        this.storeId = storeId;
        this.saleId = saleId;
        this.eventId = eventId;
        this.terminalId = terminalId;
        this.cashier = cashier;
        this.slipNumber = slipNumber;
        this.businessDate = businessDate;
        this.completedAt = completedAt;
        this.currency = total.currency().getCurrencyCode();
        this.total = total.amount();
        this.tax = tax.amount();
    }

    public Key key() {
        return new Key(storeId, saleId);
    }

    /** The event that brought the sale to HQ. */
    public String eventId() {
        return eventId;
    }

    public String terminalId() {
        return terminalId;
    }

    public String cashier() {
        return cashier;
    }

    public Optional<Long> slipNumber() {
        return Optional.ofNullable(slipNumber);
    }

    /** The store's business date of the sale, the date chain reports group by. */
    public LocalDate businessDate() {
        return businessDate;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Money total() {
        return Money.of(total, Currency.getInstance(currency));
    }

    public Money tax() {
        return Money.of(tax, Currency.getInstance(currency));
    }
}
