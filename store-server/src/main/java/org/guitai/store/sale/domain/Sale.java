package org.guitai.store.sale.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.guitai.kernel.money.Money;

/**
 * A sale at the counter and the rules of its states. Lines change only while OPEN; confirming
 * freezes them; tenders are taken while CONFIRMED until nothing is due, which makes it PAID and
 * stamps the gapless slip number; a PAID or PACKED sale completes. Every amount is {@link Money}
 * of the sale's currency, and amount = quantity x unit price with the store's line rounding.
 */
@Entity
@Table(name = "sale")
public class Sale {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "cashier_code")
    private String cashierCode;

    @Column(name = "customer_id")
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private SaleStatus status;

    @Column(name = "currency")
    private String currency;

    @Column(name = "total")
    private BigDecimal total;

    @Column(name = "paid")
    private BigDecimal paid;

    @Column(name = "slip_number")
    private Long slipNumber;

    @Column(name = "business_date")
    private LocalDate businessDate;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    @Column(name = "version")
    private long version;

    @OneToMany(mappedBy = "sale", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<SaleLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "sale", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private List<Payment> payments = new ArrayList<>();

    protected Sale() {
    }

    private Sale(String id, String terminalId, String cashierCode, String customerId, Currency currency,
                 LocalDate businessDate, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.terminalId = Objects.requireNonNull(terminalId);
        this.cashierCode = Objects.requireNonNull(cashierCode);
        this.customerId = customerId;
        this.status = SaleStatus.OPEN;
        this.currency = currency.getCurrencyCode();
        this.total = Money.zero(currency).amount();
        this.paid = Money.zero(currency).amount();
        this.businessDate = businessDate;
        this.openedAt = now;
    }

    /** Greet: a new, empty sale for a terminal and the cashier logged in there. */
    public static Sale open(String id, String terminalId, String cashierCode, String customerId, Currency currency,
                            LocalDate businessDate, Instant now) {
        return new Sale(id, terminalId, cashierCode, customerId, currency, businessDate, now);
    }

    /**
     * Order: adds a line of {@code quantity} at {@code unitPrice} (the list price unless overridden
     * or discounted). The amount is rounded once, with {@code rounding}.
     */
    public SaleLine addLine(String lineId, SoldItem item, BigDecimal quantity, Money unitPrice, RoundingMode rounding) {
        requireStatus(EnumSet.of(SaleStatus.OPEN), "add a line");
        if (quantity.signum() <= 0) {
            throw new SaleRuleException("invalid-quantity", "Invalid quantity", "a line needs a positive quantity, not " + quantity.toPlainString());
        }
        if (unitPrice.isNegative()) {
            throw new SaleRuleException("invalid-price", "Invalid price", "a unit price cannot be negative");
        }
        Money amount = unitPrice.times(quantity, rounding);
        SaleLine line = new SaleLine(lineId, this, lines.size() + 1, item, quantity, unitPrice, amount);
        lines.add(line);
        total = total().plus(amount).amount();
        return line;
    }

    /** Confirm: the customer has agreed to the read-back; the lines are frozen from here on. */
    public void confirm(Instant now) {
        if (status == SaleStatus.CONFIRMED) {
            return;
        }
        requireStatus(EnumSet.of(SaleStatus.OPEN), "confirm");
        if (activeLines().isEmpty()) {
            throw new SaleRuleException("empty-sale", "Nothing to confirm", "sale " + id + " has no lines");
        }
        status = SaleStatus.CONFIRMED;
        confirmedAt = now;
    }

    /**
     * Checkout in cash with the checks: 查 {@code statedDue} must be what is due; 数 the counted
     * notes are summed (the rejected ones of 验 are recorded but not counted); the tender covers
     * {@code portion} (all that is due unless the customer splits tenders) and the rest is change.
     *
     * @param denominations the store's denominations; a counted note of any other is refused
     */
    public Payment takeCash(String paymentId, Money statedDue, Optional<Money> portion, List<NoteCount> counted,
                            List<RejectedNote> rejected, List<BigDecimal> denominations, String staffCode, Instant now) {
        requireStatus(EnumSet.of(SaleStatus.CONFIRMED), "take a payment");
        Money due = due();
        if (!statedDue.equals(due)) {
            throw new SaleRuleException("amount-due-mismatch", "Amount due does not match",
                    "the amount stated (" + statedDue.toPlainString() + ") is not what sale " + id + " has due (" + due.toPlainString() + ")",
                    Map.of("due", due.toPlainString()));
        }
        for (NoteCount note : counted) {
            if (denominations.stream().noneMatch(d -> d.compareTo(note.denomination()) == 0)) {
                throw new SaleRuleException("unknown-denomination", "Unknown denomination",
                        note.denomination().toPlainString() + " is not a denomination of " + currency);
            }
        }
        Money toCover = portion.orElse(due);
        if (!toCover.isPositive() || toCover.isGreaterThan(due)) {
            throw new SaleRuleException("invalid-amount", "Invalid amount",
                    "a tender covers more than 0 and at most what is due (" + due.toPlainString() + "), not " + toCover.toPlainString());
        }
        Money received = Money.of(counted.stream().map(NoteCount::value).reduce(BigDecimal.ZERO, BigDecimal::add), currency());
        if (received.isLessThan(toCover)) {
            throw new SaleRuleException("insufficient-cash", "Insufficient cash",
                    "received " + received.toPlainString() + " but " + toCover.toPlainString() + " is to be paid in cash",
                    Map.of("received", received.toPlainString(), "due", toCover.toPlainString()));
        }
        Payment payment = Payment.cash(paymentId, this, payments.size() + 1, received, toCover, counted, rejected, staffCode, now);
        payments.add(payment);
        paid = paid().plus(toCover).amount();
        return payment;
    }

    /** True once tenders cover the total; the service then stamps the slip. */
    public boolean isFullyPaid() {
        return due().isZero() && !activeLines().isEmpty();
    }

    /** The paid stamp: the sale is PAID and carries its gapless slip number. */
    public void stampPaid(long slipNumber, Instant now) {
        requireStatus(EnumSet.of(SaleStatus.CONFIRMED, SaleStatus.AWAITING_CLEARANCE), "be stamped paid");
        if (!isFullyPaid()) {
            throw new SaleRuleException("not-paid", "Not paid", "sale " + id + " still has " + due().toPlainString() + " due");
        }
        this.slipNumber = slipNumber;
        this.status = SaleStatus.PAID;
        this.paidAt = now;
    }

    /** Farewell: the goods have left with the customer. */
    public void complete(Instant now) {
        requireStatus(EnumSet.of(SaleStatus.PAID, SaleStatus.PACKED), "complete");
        status = SaleStatus.COMPLETED;
        completedAt = now;
    }

    private void requireStatus(Set<SaleStatus> allowed, String attempted) {
        if (!allowed.contains(status)) {
            throw new SaleStateException(id, status, attempted + " (needs " + allowed + ")");
        }
    }

    public List<SaleLine> activeLines() {
        return lines.stream().filter(l -> !l.isVoided()).toList();
    }

    public Optional<SaleLine> line(String lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst();
    }

    public Optional<Payment> payment(String paymentId) {
        return payments.stream().filter(p -> p.id().equals(paymentId)).findFirst();
    }

    public List<Payment> payments() {
        return List.copyOf(payments);
    }

    public String id() {
        return id;
    }

    public String terminalId() {
        return terminalId;
    }

    public String cashierCode() {
        return cashierCode;
    }

    public String customerId() {
        return customerId;
    }

    public SaleStatus status() {
        return status;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public Money total() {
        return Money.of(total, currency());
    }

    public Money paid() {
        return Money.of(paid, currency());
    }

    public Money due() {
        return total().minus(paid());
    }

    public Optional<Long> slipNumber() {
        return Optional.ofNullable(slipNumber);
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sale other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
