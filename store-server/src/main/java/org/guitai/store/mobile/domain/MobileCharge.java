package org.guitai.store.mobile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.Keyed;

/**
 * One charge sent to the payment gateway under the store's payment id (the merchant reference).
 * It is recorded SENT before the gateway is called, so that whatever happens to the answer the
 * store knows the customer may have been charged: SENT is then decided APPROVED (with the
 * provider's transaction id) or DECLINED by the gateway's answer or a later query, once. The
 * payment code is not part of it.
 */
@Entity
@Table(name = "mobile_charge")
public class MobileCharge extends Keyed {

    public enum Status {
        SENT,
        APPROVED,
        DECLINED
    }

    private static final int REASON_LENGTH = 200;

    @Id
    @Column(name = "payment_id")
    private String paymentId;

    @Column(name = "sale_id")
    private String saleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel")
    private MobileChannel channel;

    @Column(name = "amount")
    private BigDecimal amount;

    @Column(name = "currency")
    private String currency;

    @Column(name = "gateway")
    private String gateway;

    @Column(name = "staff_code")
    private String staffCode;

    @Column(name = "terminal_id")
    private String terminalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private Status status;

    @Column(name = "transaction_id")
    private String transactionId;

    @Column(name = "decline_reason")
    private String declineReason;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected MobileCharge() {
    }

    public MobileCharge(String paymentId, String saleId, MobileChannel channel, Money amount, String gateway, String staffCode, String terminalId,
                        Instant now) {
        this.paymentId = Objects.requireNonNull(paymentId);
        this.saleId = Objects.requireNonNull(saleId);
        this.channel = Objects.requireNonNull(channel);
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.gateway = gateway;
        this.staffCode = staffCode;
        this.terminalId = terminalId;
        this.status = Status.SENT;
        this.sentAt = now;
    }

    /** True when a request under this payment id asks for the same charge (same sale, channel and amount). */
    public boolean isFor(String saleId, MobileChannel channel, Money amount) {
        return this.saleId.equals(saleId) && this.channel == channel && amount().equals(amount);
    }

    /**
     * Records the gateway's answer. Pending leaves the charge SENT; an answer for a charge already
     * decided must agree with it.
     *
     * @return true when this answer decided the charge
     */
    public boolean decide(ChargeOutcome outcome, Instant now) {
        if (outcome instanceof ChargeOutcome.Pending) {
            return false;
        }
        if (status != Status.SENT) {
            if (!outcome().equals(asKept(outcome))) {
                throw new IllegalStateException("charge " + paymentId + " is already " + status + "; the gateway now answers " + outcome);
            }
            return false;
        }
        if (outcome instanceof ChargeOutcome.Approved a) {
            status = Status.APPROVED;
            transactionId = a.transactionId();
        } else if (outcome instanceof ChargeOutcome.Declined d) {
            status = Status.DECLINED;
            declineReason = ((ChargeOutcome.Declined) asKept(d)).reason();
        }
        decidedAt = now;
        return true;
    }

    /** The outcome as the row keeps it: a provider's decline reason is cut to the column's 200 characters. */
    private static ChargeOutcome asKept(ChargeOutcome outcome) {
        if (outcome instanceof ChargeOutcome.Declined d && d.reason().length() > REASON_LENGTH) {
            return new ChargeOutcome.Declined(d.reason().substring(0, REASON_LENGTH));
        }
        return outcome;
    }

    /** What is known of the charge: approved, declined, or pending while it is only SENT. */
    public ChargeOutcome outcome() {
        return switch (status) {
            case APPROVED -> new ChargeOutcome.Approved(transactionId);
            case DECLINED -> new ChargeOutcome.Declined(declineReason);
            case SENT -> new ChargeOutcome.Pending("sent at " + sentAt + ", no answer recorded");
        };
    }

    public String paymentId() {
        return paymentId;
    }

    public String saleId() {
        return saleId;
    }

    public MobileChannel channel() {
        return channel;
    }

    public Money amount() {
        return Money.of(amount, Currency.getInstance(currency));
    }

    public Status status() {
        return status;
    }

    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }

    public Instant sentAt() {
        return sentAt;
    }

    @Override
    protected Object key() {
        return paymentId;
    }
}
