package org.guitai.store.sale.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.Keyed;

/**
 * A tender taken for a sale. {@code received} is what the customer handed over (for cash: the
 * counted notes, rejected ones excluded), {@code applied} what went towards the sale, {@code rounding}
 * what the store waived so that cash could pay it (抹零), and {@code change} what was handed back;
 * received + rounding = applied + change. Never updated once recorded.
 */
@Entity
@Table(name = "payment")
public class Payment extends Keyed {

    @Id
    @Column(name = "id")
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sale_id")
    private Sale sale;

    @Column(name = "seq")
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "tender")
    private Tender tender;

    @Column(name = "currency")
    private String currency;

    @Column(name = "received")
    private BigDecimal received;

    @Column(name = "applied")
    private BigDecimal applied;

    @Column(name = "change_given")
    private BigDecimal change;

    @Column(name = "rounding")
    private BigDecimal rounding;

    @Column(name = "staff_code")
    private String staffCode;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "auth_code")
    private String authCode;

    @Column(name = "last4")
    private String last4;

    @Column(name = "terminal_reference")
    private String terminalReference;

    @Column(name = "check_number")
    private String checkNumber;

    @Column(name = "bank")
    private String bank;

    @Column(name = "channel")
    private String channel;

    @Column(name = "transaction_id")
    private String transactionId;

    /** The return whose credit an EXCHANGE tender applies. */
    @Column(name = "return_id")
    private String returnId;

    @OneToOne(mappedBy = "payment", cascade = CascadeType.ALL)
    private CheckClearance clearance;

    @ElementCollection
    @CollectionTable(name = "payment_cash_count", joinColumns = @JoinColumn(name = "payment_id"))
    private List<NoteCount> counted = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "rejected_note", joinColumns = @JoinColumn(name = "payment_id"))
    @OrderColumn(name = "position")
    private List<RejectedNote> rejected = new ArrayList<>();

    protected Payment() {
    }

    Payment(String id, Sale sale, int seq, Tender tender, Money received, Money applied, String staffCode, Instant createdAt) {
        this(id, sale, seq, tender, received, applied, Money.zero(received.currency()), staffCode, createdAt);
    }

    /** {@code rounding}: what the store waives of {@code applied} so that cash can pay it; change = received - (applied - rounding). */
    Payment(String id, Sale sale, int seq, Tender tender, Money received, Money applied, Money rounding, String staffCode, Instant createdAt) {
        this.id = id;
        this.sale = sale;
        this.seq = seq;
        this.tender = tender;
        this.currency = received.currency().getCurrencyCode();
        this.received = received.amount();
        this.applied = applied.amount();
        this.rounding = rounding.amount();
        this.change = received.minus(applied.minus(rounding)).amount();
        this.staffCode = staffCode;
        this.createdAt = createdAt;
    }

    static Payment cash(String id, Sale sale, int seq, Money received, Money applied, Money rounding, List<NoteCount> counted,
                        List<RejectedNote> rejected, String staffCode, Instant now) {
        Payment payment = new Payment(id, sale, seq, Tender.CASH, received, applied, rounding, staffCode, now);
        payment.counted.addAll(counted);
        payment.rejected.addAll(rejected);
        return payment;
    }

    /** A card tender taken on the external card terminal: only what identifies the authorisation is kept. */
    static Payment card(String id, Sale sale, int seq, Money amount, String authCode, String last4, String terminalReference,
                        String staffCode, Instant now) {
        Payment payment = new Payment(id, sale, seq, Tender.CARD, amount, amount, staffCode, now);
        payment.authCode = authCode;
        payment.last4 = last4;
        payment.terminalReference = terminalReference;
        return payment;
    }

    /** A check: it covers its amount, but the goods wait until a manager records the funds cleared. */
    static Payment check(String id, Sale sale, int seq, Money amount, String checkNumber, String bank, String staffCode, Instant now) {
        Payment payment = new Payment(id, sale, seq, Tender.CHECK, amount, amount, staffCode, now);
        payment.checkNumber = checkNumber;
        payment.bank = bank;
        return payment;
    }

    /**
     * A mobile payment the provider approved: its channel and the provider's transaction id are
     * kept, never the customer's payment code.
     */
    static Payment mobile(String id, Sale sale, int seq, Money amount, String channel, String transactionId, String staffCode, Instant now) {
        Payment payment = new Payment(id, sale, seq, Tender.MOBILE, amount, amount, staffCode, now);
        payment.channel = channel;
        payment.transactionId = transactionId;
        return payment;
    }

    /** The credit of a return applied to a new sale of an exchange (换货). */
    static Payment exchange(String id, Sale sale, int seq, Money amount, String returnId, String staffCode, Instant now) {
        Payment payment = new Payment(id, sale, seq, Tender.EXCHANGE, amount, amount, staffCode, now);
        payment.returnId = returnId;
        return payment;
    }

    /** The return an EXCHANGE tender takes its credit from, else null. */
    public String returnId() {
        return returnId;
    }

    void decide(CheckClearance.Outcome outcome, String manager, Instant now) {
        if (tender != Tender.CHECK) {
            throw new SaleRuleException("not-a-check", "Not a check", "payment " + id + " is " + tender + ", not a check");
        }
        if (clearance != null) {
            throw new CheckDecidedException(id, clearance.outcome(), clearance.decidedAt());
        }
        clearance = new CheckClearance(this, outcome, manager, now);
    }

    /** A check whose funds have not been recorded as cleared or bounced. */
    public boolean isPendingCheck() {
        return tender == Tender.CHECK && clearance == null;
    }

    /** A bounced check: it no longer counts towards the sale. */
    public boolean isBounced() {
        return clearance != null && clearance.outcome() == CheckClearance.Outcome.BOUNCED;
    }

    public java.util.Optional<CheckClearance> clearance() {
        return java.util.Optional.ofNullable(clearance);
    }

    public String authCode() {
        return authCode;
    }

    public String last4() {
        return last4;
    }

    public String terminalReference() {
        return terminalReference;
    }

    public String checkNumber() {
        return checkNumber;
    }

    public String bank() {
        return bank;
    }

    /** WECHAT or ALIPAY for a mobile payment, else null. */
    public String channel() {
        return channel;
    }

    /** The payment provider's transaction id of a mobile payment, else null. */
    public String transactionId() {
        return transactionId;
    }

    public String staffCode() {
        return staffCode;
    }

    public String id() {
        return id;
    }

    /** The tender's place among the sale's tenders, from 1. */
    public int seq() {
        return seq;
    }

    public Sale sale() {
        return sale;
    }

    public Tender tender() {
        return tender;
    }

    public Money received() {
        return Money.of(received, Currency.getInstance(currency));
    }

    public Money applied() {
        return Money.of(applied, Currency.getInstance(currency));
    }

    /** What the store waived (抹零) so that cash could pay; zero but for cash. */
    public Money rounding() {
        return Money.of(rounding, Currency.getInstance(currency));
    }

    public Money change() {
        return Money.of(change, Currency.getInstance(currency));
    }

    public List<NoteCount> counted() {
        return List.copyOf(counted);
    }

    public List<RejectedNote> rejected() {
        return List.copyOf(rejected);
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    protected Object key() {
        return id;
    }
}
