package org.guitai.store.returns.domain;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.Keyed;

/**
 * A return of lines of a paid sale and the rules of its states:
 * <ul>
 * <li>REQUESTED: the lines, their refund and the reason are fixed; one manager's RETURN approval is
 * needed, or two different managers' when the amount is above the store's threshold.</li>
 * <li>APPROVED: the goods are inspected; every line is received whole, restocked or written off.</li>
 * <li>RECEIVED: the money goes back tender by tender; PARTLY_REFUNDED between the tenders of a split
 * refund; REFUNDED once the whole amount went back.</li>
 * <li>CANCELLED: from REQUESTED or APPROVED before the goods are received, with a reason; its units
 * no longer count as returned.</li>
 * </ul>
 * The amount never changes after the request, and refunds never add up to more than it.
 */
@Entity
@Table(name = "sale_return")
public class SaleReturn extends Keyed {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "number")
    private long number;

    @Column(name = "sale_id")
    private String saleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason")
    private ReturnReason reason;

    @Column(name = "responsible_staff")
    private String responsibleStaff;

    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "cashier_code")
    private String cashierCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private ReturnStatus status;

    @Column(name = "currency")
    private String currency;

    @Column(name = "amount")
    private BigDecimal amount;

    @Column(name = "refunded")
    private BigDecimal refunded;

    @Column(name = "approvals_needed")
    private int approvalsNeeded;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "refunded_at")
    private Instant refundedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "business_date")
    private LocalDate businessDate;

    @Column(name = "red_letter_invoice")
    private String redLetterInvoice;

    @Column(name = "exchange_sale_id")
    private String exchangeSaleId;

    @Version
    @Column(name = "version")
    private long version;

    @OneToMany(mappedBy = "saleReturn", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<ReturnLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "saleReturn", cascade = CascadeType.ALL)
    @OrderBy("approvedAt")
    private List<ReturnApproval> approvals = new ArrayList<>();

    @OneToMany(mappedBy = "saleReturn", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private List<Refund> refunds = new ArrayList<>();

    protected SaleReturn() {
    }

    private SaleReturn(String id, long number, String saleId, ReturnReason reason, String responsibleStaff, String terminalId,
                       String cashierCode, Currency currency, int approvalsNeeded, Instant now, LocalDate businessDate) {
        this.id = Objects.requireNonNull(id);
        this.number = number;
        this.saleId = Objects.requireNonNull(saleId);
        this.reason = Objects.requireNonNull(reason);
        this.responsibleStaff = responsibleStaff;
        this.terminalId = terminalId;
        this.cashierCode = cashierCode;
        this.status = ReturnStatus.REQUESTED;
        this.currency = currency.getCurrencyCode();
        this.refunded = Money.zero(currency).amount();
        this.approvalsNeeded = approvalsNeeded;
        this.createdAt = now;
        this.businessDate = businessDate;
    }

    /**
     * A requested return of {@code lines} (each with its refund worked out already) for {@code reason};
     * a staff error names the member responsible.
     */
    public static SaleReturn request(String id, long number, String saleId, ReturnReason reason, Optional<String> responsibleStaff,
                                     String terminalId, String cashierCode, Currency currency, List<ReturnLine.Draft> lines,
                                     java.util.function.ToIntFunction<Money> approvalsNeeded, Instant now, LocalDate businessDate) {
        if (reason.needsResponsibleStaff() && responsibleStaff.isEmpty()) {
            throw new ReturnRuleException("responsible-staff-required", 422, "Responsible staff needed",
                    "a return for a staff error names the staff member responsible (responsibleStaff)");
        }
        if (!reason.needsResponsibleStaff() && responsibleStaff.isPresent()) {
            throw new ReturnRuleException("invalid-return", 422, "Invalid return",
                    "only a return for a STAFF_ERROR names a responsible staff member, not one for " + reason);
        }
        if (lines.isEmpty()) {
            throw new ReturnRuleException("invalid-return", 422, "Invalid return", "a return needs at least one line");
        }
        Money total = lines.stream().map(ReturnLine.Draft::amount).reduce(Money.zero(currency), Money::plus);
        SaleReturn r = new SaleReturn(id, number, saleId, reason, responsibleStaff.orElse(null), terminalId, cashierCode, currency,
                approvalsNeeded.applyAsInt(total), now, businessDate);
        r.amount = total.amount();
        for (ReturnLine.Draft draft : lines) {
            r.lines.add(new ReturnLine(r, r.lines.size() + 1, draft));
        }
        return r;
    }

    // --- approve -----------------------------------------------------------------------------------

    /** True when this approval was used on the return already (a repeated call). */
    public boolean hasApproval(String approvalId) {
        return approvals.stream().anyMatch(a -> a.approvalId().equals(approvalId));
    }

    /**
     * @throws ReturnStateException unless REQUESTED
     * @throws ReturnRuleException second-approval-same-manager (409) when this manager approved it already
     */
    public void requireApprovable(String managerCode) {
        requireStatus(EnumSet.of(ReturnStatus.REQUESTED), "be approved");
        if (approvals.stream().anyMatch(a -> a.managerCode().equals(managerCode))) {
            throw new ReturnRuleException("second-approval-same-manager", 409, "Another manager must approve",
                    "return " + id + " of " + amount().toPlainString() + " needs the approvals of " + approvalsNeeded
                            + " different managers: " + managerCode + " approved it already");
        }
    }

    /** A manager's RETURN approval; APPROVED once as many different managers approved as the amount needs. */
    public void approve(String approvalId, String managerCode, Instant now) {
        requireApprovable(managerCode);
        approvals.add(new ReturnApproval(approvalId, this, managerCode, now));
        if (approvals.size() >= approvalsNeeded) {
            status = ReturnStatus.APPROVED;
            approvedAt = now;
        }
    }

    // --- receive -----------------------------------------------------------------------------------

    /** What the inspection says of one line. */
    public record Inspection(BigDecimal quantity, Disposition disposition) {
    }

    /**
     * The goods are received and inspected: every line whole, each restocked or written off. Only
     * once: the caller changes the stock for the lines this returns, and a repeat returns none.
     *
     * @return the lines received now (empty when they were received before)
     */
    public List<ReturnLine> receive(Map<String, Inspection> bySaleLine, Instant now) {
        if (receivedAt != null) {
            return List.of();
        }
        requireStatus(EnumSet.of(ReturnStatus.APPROVED), "be received");
        List<Map<String, Object>> mismatches = new ArrayList<>();
        for (String lineId : bySaleLine.keySet()) {
            if (line(lineId).isEmpty()) {
                mismatches.add(mismatch(lineId, BigDecimal.ZERO, bySaleLine.get(lineId).quantity()));
            }
        }
        for (ReturnLine line : lines) {
            Inspection seen = bySaleLine.get(line.saleLineId());
            if (seen == null || seen.quantity().compareTo(line.quantity()) != 0 || seen.disposition() == null) {
                mismatches.add(mismatch(line.saleLineId(), line.quantity(), seen == null ? BigDecimal.ZERO : seen.quantity()));
            }
        }
        if (!mismatches.isEmpty()) {
            throw new ReturnRuleException("receive-mismatch", 422, "The goods do not match the return",
                    "every returned line is received whole, with RESTOCK or WRITE_OFF: " + mismatches.size() + " line(s) do not match",
                    Map.of("mismatchedLines", mismatches));
        }
        for (ReturnLine line : lines) {
            Inspection seen = bySaleLine.get(line.saleLineId());
            line.receive(seen.quantity(), seen.disposition(), now);
        }
        status = ReturnStatus.RECEIVED;
        receivedAt = now;
        return List.copyOf(lines);
    }

    private static Map<String, Object> mismatch(String lineId, BigDecimal expected, BigDecimal received) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("saleLineId", lineId);
        m.put("expected", expected.stripTrailingZeros().toPlainString());
        m.put("received", received.stripTrailingZeros().toPlainString());
        return m;
    }

    // --- refund ------------------------------------------------------------------------------------

    /** @throws ReturnStateException unless the goods are received and money is still due */
    public void requireRefundable() {
        requireStatus(EnumSet.of(ReturnStatus.RECEIVED, ReturnStatus.PARTLY_REFUNDED), "be refunded");
    }

    /** Records a refund; REFUNDED once nothing is due, PARTLY_REFUNDED before. */
    public Refund refund(Refund.Draft draft) {
        return refund(draft, false);
    }

    /** The new sales the return's credit went to were paid: REFUNDED when nothing else is due. */
    public boolean exchangePaid(Instant now) {
        if (status != ReturnStatus.PARTLY_REFUNDED || !due().isZero()) {
            return false;
        }
        status = ReturnStatus.REFUNDED;
        refundedAt = now;
        return true;
    }

    /**
     * The new sale an exchange credited was cancelled: a reversing record (the credit, negative) gives
     * the credit back; the return owes it again (RECEIVED when nothing else was refunded).
     */
    public Refund reverseExchange(Refund credit, String reversalId, String staffCode, String terminalId, Instant now) {
        requireStatus(EnumSet.of(ReturnStatus.PARTLY_REFUNDED), "take back an exchange's credit");
        Refund reversal = new Refund(this, refunds.size() + 1, new Refund.Draft(reversalId, RefundTender.EXCHANGE, credit.amount().negate(),
                credit.paymentId().orElse(null), credit.id(), null, credit.exchangeSaleId().orElse(null), List.of(), staffCode, terminalId, now));
        refunds.add(reversal);
        refunded = refunded().minus(credit.amount()).amount();
        status = refunded().isZero() ? ReturnStatus.RECEIVED : ReturnStatus.PARTLY_REFUNDED;
        return reversal;
    }

    /**
     * Records a refund; with {@code exchangeUnpaid} (a new sale the return's credit went to is not paid
     * yet) the return stays PARTLY_REFUNDED even when nothing else is due, until {@link #exchangePaid}
     * (the new sale paid) or {@link #reverseExchange} (it was cancelled).
     */
    public Refund refund(Refund.Draft draft, boolean exchangeUnpaid) {
        requireRefundable();
        if (!draft.amount().isPositive() || draft.amount().isGreaterThan(due())) {
            throw new ReturnRuleException("refund-too-much", 422, "Refund exceeds what is due",
                    "return " + id + " has " + due().toPlainString() + " left to refund, not " + draft.amount().toPlainString(),
                    Map.of("due", due().toPlainString()));
        }
        Refund refund = new Refund(this, refunds.size() + 1, draft);
        refunds.add(refund);
        refunded = refunded().plus(draft.amount()).amount();
        if (draft.exchangeSaleId() != null) {
            exchangeSaleId = draft.exchangeSaleId();
        }
        if (due().isZero() && !exchangeUnpaid) {
            status = ReturnStatus.REFUNDED;
            refundedAt = draft.at();
        } else {
            status = ReturnStatus.PARTLY_REFUNDED;
        }
        return refund;
    }

    /** The red-letter invoice issued for the return (once, when it is refunded). */
    public void redLetterIssued(String invoiceNumber) {
        this.redLetterInvoice = invoiceNumber;
    }

    // --- cancel ------------------------------------------------------------------------------------

    /**
     * Cancels a return whose goods were not received: its units are free to come back again. Only
     * once: a repeat changes nothing.
     *
     * @return true when cancelled now, false when it was cancelled before
     * @throws ReturnStateException once the goods are received (or refunded)
     */
    public boolean cancel(String reason, String staffCode, Instant now) {
        if (status == ReturnStatus.CANCELLED) {
            return false;
        }
        requireStatus(EnumSet.of(ReturnStatus.REQUESTED, ReturnStatus.APPROVED), "be cancelled once its goods are received");
        status = ReturnStatus.CANCELLED;
        cancelledAt = now;
        cancelledBy = staffCode;
        cancelReason = Objects.requireNonNull(reason);
        return true;
    }

    /**
     * The return slip (退货单) is the customer's receipt of money given back: it prints once something is refunded.
     *
     * @throws ReturnStateException before any refund, and for a cancelled return
     */
    public void requireSlip() {
        requireStatus(EnumSet.of(ReturnStatus.PARTLY_REFUNDED, ReturnStatus.REFUNDED), "print its return slip before anything is refunded");
    }

    // --- rules -------------------------------------------------------------------------------------

    private void requireStatus(EnumSet<ReturnStatus> allowed, String attempted) {
        if (!allowed.contains(status)) {
            throw new ReturnStateException(id, status, attempted + " (needs " + allowed + ")");
        }
    }

    // --- reading -----------------------------------------------------------------------------------

    public Optional<ReturnLine> line(String saleLineId) {
        return lines.stream().filter(l -> l.saleLineId().equals(saleLineId)).findFirst();
    }

    public Optional<Refund> refundById(String refundId) {
        return refunds.stream().filter(r -> r.id().equals(refundId)).findFirst();
    }

    public String id() {
        return id;
    }

    public long number() {
        return number;
    }

    public String saleId() {
        return saleId;
    }

    public ReturnReason reason() {
        return reason;
    }

    public Optional<String> responsibleStaff() {
        return Optional.ofNullable(responsibleStaff);
    }

    public String terminalId() {
        return terminalId;
    }

    public String cashierCode() {
        return cashierCode;
    }

    public ReturnStatus status() {
        return status;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public Money amount() {
        return Money.of(amount, currency());
    }

    public Money refunded() {
        return Money.of(refunded, currency());
    }

    public Money due() {
        return amount().minus(refunded());
    }

    public int approvalsNeeded() {
        return approvalsNeeded;
    }

    public List<ReturnLine> lines() {
        return List.copyOf(lines);
    }

    public List<ReturnApproval> approvals() {
        return List.copyOf(approvals);
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> approvedAt() {
        return Optional.ofNullable(approvedAt);
    }

    public Optional<Instant> receivedAt() {
        return Optional.ofNullable(receivedAt);
    }

    public Optional<Instant> refundedAt() {
        return Optional.ofNullable(refundedAt);
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public Optional<Instant> cancelledAt() {
        return Optional.ofNullable(cancelledAt);
    }

    public Optional<String> cancelledBy() {
        return Optional.ofNullable(cancelledBy);
    }

    public Optional<String> cancelReason() {
        return Optional.ofNullable(cancelReason);
    }

    public Optional<String> redLetterInvoice() {
        return Optional.ofNullable(redLetterInvoice);
    }

    public Optional<String> exchangeSaleId() {
        return Optional.ofNullable(exchangeSaleId);
    }

    @Override
    protected Object key() {
        return id;
    }
}
