package org.guitai.store.returns.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.Keyed;
import org.guitai.store.sale.domain.NoteCount;

/**
 * Money given back for a return to one tender: against the original payment it reverses (none for an
 * exchange), with the card reversal's or the provider's refund reference, in the ledger of the shift
 * it was paid out in. Never changed once recorded.
 */
@Entity
@Table(name = "return_refund")
public class Refund extends Keyed {

    @Id
    @Column(name = "id")
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "return_id")
    private SaleReturn saleReturn;

    @Column(name = "seq")
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "tender")
    private RefundTender tender;

    @Column(name = "amount")
    private BigDecimal amount;

    @Column(name = "currency")
    private String currency;

    @Column(name = "payment_id")
    private String paymentId;

    @Column(name = "reference")
    private String reference;

    @Column(name = "shift_id")
    private String shiftId;

    @Column(name = "exchange_sale_id")
    private String exchangeSaleId;

    @Column(name = "staff_code")
    private String staffCode;

    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "refunded_at")
    private Instant refundedAt;

    @ElementCollection
    @CollectionTable(name = "return_refund_cash_count", joinColumns = @JoinColumn(name = "refund_id"))
    private List<NoteCount> counted = new ArrayList<>();

    protected Refund() {
    }

    /** What a refund is about to be: the return records it with {@link SaleReturn#refund}. */
    public record Draft(String id, RefundTender tender, Money amount, String paymentId, String reference, String shiftId, String exchangeSaleId,
                        List<NoteCount> counted, String staffCode, String terminalId, Instant at) {
    }

    Refund(SaleReturn saleReturn, int seq, Draft d) {
        this.id = d.id();
        this.saleReturn = saleReturn;
        this.seq = seq;
        this.tender = d.tender();
        this.amount = d.amount().amount();
        this.currency = d.amount().currency().getCurrencyCode();
        this.paymentId = d.paymentId();
        this.reference = d.reference();
        this.shiftId = d.shiftId();
        this.exchangeSaleId = d.exchangeSaleId();
        this.staffCode = d.staffCode();
        this.terminalId = d.terminalId();
        this.refundedAt = d.at();
        this.counted.addAll(d.counted());
    }

    public String id() {
        return id;
    }

    public SaleReturn saleReturn() {
        return saleReturn;
    }

    public int seq() {
        return seq;
    }

    public RefundTender tender() {
        return tender;
    }

    public Money amount() {
        return Money.of(amount, Currency.getInstance(currency));
    }

    public Optional<String> paymentId() {
        return Optional.ofNullable(paymentId);
    }

    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    public Optional<String> shiftId() {
        return Optional.ofNullable(shiftId);
    }

    public Optional<String> exchangeSaleId() {
        return Optional.ofNullable(exchangeSaleId);
    }

    public String staffCode() {
        return staffCode;
    }

    public Instant refundedAt() {
        return refundedAt;
    }

    public List<NoteCount> counted() {
        return List.copyOf(counted);
    }

    @Override
    protected Object key() {
        return id;
    }
}
