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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.guitai.kernel.money.CashRounding;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.Keyed;

/**
 * A sale at the counter and the rules of its states:
 * <ul>
 * <li>OPEN: lines are added, changed, discounted and voided; the order discount is set.</li>
 * <li>CONFIRMED: the customer agreed to the read-back; lines are frozen (voiding one needs a
 * manager and reopens the sale); tenders are taken until nothing is due.</li>
 * <li>AWAITING_CLEARANCE: tenders cover the total but a check has not cleared; the goods are held
 * for the customer (out of stock) until it clears, or until the sale is voided or cancelled after it bounced.</li>
 * <li>PAID: stamped with the store's next slip number; then PACKED when every line is checked off,
 * and COMPLETED when the goods have left (from PAID or PACKED).</li>
 * <li>CANCELLED: a sale abandoned before any tender counted.</li>
 * </ul>
 * An OPEN or CONFIRMED sale without tenders may be put on hold (挂单) and keeps its state; while it
 * is held, every step on it is refused until it is recalled (取单).
 * The goods leave the stock once tenders first cover the total ({@link #needsGoodsTaken()}), so
 * goods waiting for a check cannot be sold twice. Every amount is {@link Money} of the sale's
 * currency, priced by {@link Pricing}.
 */
@Entity
@Table(name = "sale")
public class Sale extends Keyed {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "cashier_code")
    private String cashierCode;

    /** The sales associate who served the customer, credited with the sale; else the cashier is. */
    @Column(name = "associate_code")
    private String associateCode;

    /** The shift open at the terminal when the sale was made: its tenders go into that shift's ledger. */
    @Column(name = "shift_id")
    private String shiftId;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin")
    private SaleOrigin origin;

    @Column(name = "customer_id")
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private SaleStatus status;

    @Column(name = "currency")
    private String currency;

    @Column(name = "order_discount_rate")
    private BigDecimal orderDiscountRate;

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

    @Column(name = "packed_at")
    private Instant packedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    /** When the goods left the stock for this sale (held for it); null while they are still on the shelf. */
    @Column(name = "goods_taken_at")
    private Instant goodsTakenAt;

    /** 挂单: since when the sale waits to be recalled at its terminal; null while it is not on hold. */
    @Column(name = "held_at")
    private Instant heldAt;


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

    private Sale(String id, SaleOrigin origin, String terminalId, String shiftId, String cashierCode, String associateCode, String customerId,
                 Currency currency, LocalDate businessDate, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.shiftId = Objects.requireNonNull(shiftId);
        this.associateCode = associateCode;
        this.origin = Objects.requireNonNull(origin);
        this.terminalId = Objects.requireNonNull(terminalId);
        this.cashierCode = Objects.requireNonNull(cashierCode);
        this.customerId = customerId;
        this.status = SaleStatus.OPEN;
        this.currency = currency.getCurrencyCode();
        this.orderDiscountRate = BigDecimal.ZERO;
        this.total = Money.zero(currency).amount();
        this.paid = Money.zero(currency).amount();
        this.businessDate = businessDate;
        this.openedAt = now;
    }

    /** Greet: a new, empty sale for a terminal and the cashier logged in there. */
    public static Sale open(String id, String terminalId, String shiftId, String cashierCode, String associateCode, String customerId,
                            Currency currency, LocalDate businessDate, Instant now) {
        return new Sale(id, SaleOrigin.COUNTER, terminalId, shiftId, cashierCode, associateCode, customerId, currency, businessDate, now);
    }

    /** A sale a terminal made on its own and submits whole, begun at {@code startedAt}. */
    public static Sale fromDocument(String id, String terminalId, String shiftId, String cashierCode, String associateCode, String customerId,
                                    Currency currency, LocalDate businessDate, Instant startedAt) {
        return new Sale(id, SaleOrigin.DOCUMENT, terminalId, shiftId, cashierCode, associateCode, customerId, currency, businessDate, startedAt);
    }

    // --- order -------------------------------------------------------------------------------------

    /** @throws SaleStateException unless the lines may still change */
    public void requireOpen(String attempted) {
        requireStatus(EnumSet.of(SaleStatus.OPEN), attempted);
    }

    /**
     * Adds a line of {@code quantity} at {@code basePrice} (the list price unless a manager approved
     * another) with a line discount {@code lineRate}.
     */
    public SaleLine addLine(String lineId, SoldItem item, BigDecimal quantity, Money basePrice, BigDecimal lineRate, RoundingMode rounding) {
        requireStatus(EnumSet.of(SaleStatus.OPEN), "add a line");
        requirePositive(quantity);
        if (basePrice.isNegative()) {
            throw new SaleRuleException("invalid-price", "Invalid price", "a unit price cannot be negative");
        }
        SaleLine line = new SaleLine(lineId, this, lines.size() + 1, item, quantity, basePrice, lineRate);
        line.price(orderDiscountRate, rounding);
        lines.add(line);
        recomputeTotal();
        return line;
    }

    public SaleLine changeQuantity(String lineId, BigDecimal quantity, RoundingMode rounding) {
        requireStatus(EnumSet.of(SaleStatus.OPEN), "change a line");
        requirePositive(quantity);
        SaleLine line = activeLine(lineId);
        line.changeQuantity(quantity);
        line.price(orderDiscountRate, rounding);
        recomputeTotal();
        return line;
    }

    /** A new price before discounts for an open line (an override, or back to the list price). */
    public SaleLine repriceLine(String lineId, Money basePrice, RoundingMode rounding) {
        requireStatus(EnumSet.of(SaleStatus.OPEN), "change a line's price");
        if (basePrice.amount().signum() <= 0) {
            throw new SaleRuleException("invalid-price", "Price must be positive", "a line's price is above zero, not " + basePrice.toPlainString());
        }
        SaleLine line = activeLine(lineId);
        line.reprice(basePrice);
        line.price(orderDiscountRate, rounding);
        recomputeTotal();
        return line;
    }

    public SaleLine discountLine(String lineId, BigDecimal rate, RoundingMode rounding) {
        requireStatus(EnumSet.of(SaleStatus.OPEN), "discount a line");
        SaleLine line = activeLine(lineId);
        line.discount(rate);
        line.price(orderDiscountRate, rounding);
        recomputeTotal();
        return line;
    }

    /** The order discount, applied to every line's unit price so that invoices stay exact. */
    public void discountOrder(BigDecimal rate, RoundingMode rounding) {
        requireStatus(EnumSet.of(SaleStatus.OPEN), "discount the order");
        orderDiscountRate = rate;
        activeLines().forEach(l -> l.price(rate, rounding));
        recomputeTotal();
    }

    /** True when voiding a line needs a manager: the customer already confirmed the order. */
    public boolean voidNeedsApproval() {
        return status == SaleStatus.CONFIRMED;
    }

    /** Voids a line; after confirmation (with a manager's approval) the sale goes back to OPEN for a new read-back. */
    public SaleLine voidLine(String lineId, String staffCode, Instant now) {
        requireStatus(EnumSet.of(SaleStatus.OPEN, SaleStatus.CONFIRMED), "void a line");
        if (countingPayments().findAny().isPresent()) {
            throw new SaleStateException(id, status, "void a line once tenders are taken (take a return instead)");
        }
        SaleLine line = activeLine(lineId);
        requireNoGoodsHeld("void a line");
        line.voidBy(staffCode, now);
        recomputeTotal();
        if (status == SaleStatus.CONFIRMED) {
            status = SaleStatus.OPEN;
            confirmedAt = null;
        }
        return line;
    }

    /** Confirm: the customer has agreed to the read-back; the lines are frozen from here on. */
    public void confirm(Instant now) {
        requireNotHeld("confirm");
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

    /** True when cancelling needs a manager: the customer already confirmed the order. */
    public boolean cancelNeedsApproval() {
        return status == SaleStatus.CONFIRMED;
    }

    /**
     * Abandons a sale before any tender counted but a return's credit (EXCHANGE): that credit goes
     * back to its return (the returns service reverses it in the same transaction).
     */
    public void cancel(Instant now) {
        requireStatus(EnumSet.of(SaleStatus.OPEN, SaleStatus.CONFIRMED), "cancel");
        if (countingPayments().anyMatch(p -> p.tender() != Tender.EXCHANGE)) {
            throw new SaleStateException(id, status, "cancel once tenders are taken (take a return instead)");
        }
        requireNoGoodsHeld("cancel");
        status = SaleStatus.CANCELLED;
        cancelledAt = now;
    }

    // --- checkout ------------------------------------------------------------------------------------

    /**
     * Checkout in cash with the checks: 查 {@code statedDue} must be what is due (or what is due in
     * cash after the store's cash rounding); 数 the counted notes are summed (the rejected ones of 验
     * are recorded but not counted); the tender covers {@code portion} (all that is due unless the
     * customer splits tenders) and the rest is change. Paying all that is due, the last fen the
     * drawer's pieces cannot pay is rounded by {@code rounding} and recorded on the payment.
     *
     * @param denominations the store's denominations; a counted note of any other is refused
     */
    public Payment takeCash(String paymentId, Money statedDue, Optional<Money> portion, List<NoteCount> counted,
                            List<RejectedNote> rejected, List<BigDecimal> denominations, CashRounding rounding, String staffCode, Instant now) {
        requireStatus(EnumSet.of(SaleStatus.CONFIRMED), "take a payment");
        Money due = due();
        Money cashDue = rounding.apply(due);
        if (!statedDue.equals(due) && !statedDue.equals(cashDue)) {
            throw new SaleRuleException("amount-due-mismatch", "Amount due does not match",
                    "the amount stated (" + statedDue.toPlainString() + ") is not what sale " + id + " has due (" + due.toPlainString()
                            + (cashDue.equals(due) ? "" : ", " + cashDue.toPlainString() + " in cash") + ")",
                    cashDue.equals(due) ? Map.of("due", due.toPlainString()) : Map.of("due", due.toPlainString(), "cashDue", cashDue.toPlainString()));
        }
        List<BigDecimal> named = new ArrayList<>(counted.stream().map(NoteCount::denomination).toList());
        rejected.forEach(note -> named.add(note.denomination()));
        for (BigDecimal denomination : named) {
            if (denominations.stream().noneMatch(d -> d.compareTo(denomination) == 0)) {
                throw new SaleRuleException("unknown-denomination", "Unknown denomination",
                        denomination.toPlainString() + " is not a denomination of " + currency);
            }
        }
        Money toCover = portion.orElse(due);
        requireWithinDue(toCover, due);
        Money payable = portion.isPresent() ? toCover : cashDue;
        Money received = Money.of(counted.stream().map(NoteCount::value).reduce(BigDecimal.ZERO, BigDecimal::add), currency());
        if (received.isLessThan(payable)) {
            throw new SaleRuleException("insufficient-cash", "Insufficient cash",
                    "received " + received.toPlainString() + " but " + payable.toPlainString() + " is to be paid in cash",
                    Map.of("received", received.toPlainString(), "due", payable.toPlainString()));
        }
        return accept(Payment.cash(paymentId, this, payments.size() + 1, received, toCover, toCover.minus(payable), counted, rejected,
                staffCode, now));
    }

    /** A card tender from the external terminal; it may not exceed what is due (only cash gives change). */
    public Payment takeCard(String paymentId, Money amount, String authCode, String last4, String terminalReference,
                            String staffCode, Instant now) {
        requireStatus(EnumSet.of(SaleStatus.CONFIRMED), "take a payment");
        requireWithinDue(amount, due());
        return accept(Payment.card(paymentId, this, payments.size() + 1, amount, authCode, last4, terminalReference, staffCode, now));
    }

    /** A check; once tenders cover the total the sale waits in AWAITING_CLEARANCE until it clears. */
    public Payment takeCheck(String paymentId, Money amount, String checkNumber, String bank, String staffCode, Instant now) {
        requireStatus(EnumSet.of(SaleStatus.CONFIRMED), "take a payment");
        requireWithinDue(amount, due());
        return accept(Payment.check(paymentId, this, payments.size() + 1, amount, checkNumber, bank, staffCode, now));
    }

    /** A mobile payment the provider approved; like a card it may not exceed what is due. */
    public Payment takeMobile(String paymentId, Money amount, String channel, String transactionId, String staffCode, Instant now) {
        requireTenderable(amount);
        return accept(Payment.mobile(paymentId, this, payments.size() + 1, amount, channel, transactionId, staffCode, now));
    }

    /** The credit of a return taken in exchange; like a card it may not exceed what is due. */
    public Payment takeExchange(String paymentId, Money amount, String returnId, String staffCode, Instant now) {
        requireTenderable(amount);
        return accept(Payment.exchange(paymentId, this, payments.size() + 1, amount, returnId, staffCode, now));
    }

    /**
     * @throws SaleStateException unless the sale takes tenders now
     * @throws SaleRuleException unless {@code amount} is more than 0 and at most what is due
     */
    public void requireTenderable(Money amount) {
        requireStatus(EnumSet.of(SaleStatus.CONFIRMED), "take a payment");
        requireWithinDue(amount, due());
    }

    private Payment accept(Payment payment) {
        payments.add(payment);
        paid = paid().plus(payment.applied()).amount();
        if (due().isZero() && payments.stream().anyMatch(Payment::isPendingCheck)) {
            status = SaleStatus.AWAITING_CLEARANCE;
        }
        return payment;
    }

    /**
     * A manager records a check's outcome. Cleared: when nothing else is pending the sale can be
     * stamped paid. Bounced: its amount is due again and the sale goes back to CONFIRMED; the goods stay held.
     */
    public Payment decideCheck(String paymentId, CheckClearance.Outcome outcome, String manager, Instant now) {
        requireStatus(EnumSet.of(SaleStatus.CONFIRMED, SaleStatus.AWAITING_CLEARANCE), "record a check's clearance");
        Payment check = payment(paymentId).orElseThrow(() -> new SaleNotFoundException("payment " + paymentId + " on sale " + id));
        check.decide(outcome, manager, now);
        if (outcome == CheckClearance.Outcome.BOUNCED) {
            paid = paid().minus(check.applied()).amount();
            status = SaleStatus.CONFIRMED;
        }
        return check;
    }

    /** True once tenders first cover the total: the goods are then taken out of stock and held for the customer. */
    public boolean needsGoodsTaken() {
        return goodsTakenAt == null && (status == SaleStatus.CONFIRMED || status == SaleStatus.AWAITING_CLEARANCE)
                && due().isZero() && !activeLines().isEmpty();
    }

    /** Records that the goods have left the stock for this sale. */
    public void goodsTaken(Instant now) {
        if (!needsGoodsTaken()) {
            throw new SaleStateException(id, status, "hold its goods with " + due().toPlainString() + " due");
        }
        goodsTakenAt = now;
    }

    /** True while the goods are held out of stock for a sale that is not yet paid (e.g. after a check bounced). */
    public boolean holdsGoodsUnpaid() {
        return goodsTakenAt != null && slipNumber == null;
    }

    /** The quantity of each SKU on the active lines: what the sale takes out of stock. */
    public Map<String, BigDecimal> quantitiesBySku() {
        Map<String, BigDecimal> bySku = new LinkedHashMap<>();
        activeLines().forEach(l -> bySku.merge(l.sku(), l.quantity(), BigDecimal::add));
        return bySku;
    }

    /**
     * Gives back goods held for a sale that was never paid, before a line is voided or the sale
     * is cancelled.
     *
     * @return what goes back to stock, by SKU
     */
    public Map<String, BigDecimal> releaseGoods() {
        if (!holdsGoodsUnpaid()) {
            throw new SaleStateException(id, status, "give back goods it does not hold");
        }
        Map<String, BigDecimal> released = quantitiesBySku();
        goodsTakenAt = null;
        return released;
    }

    /** True once tenders cover the total, the goods are held and no check is waiting: the service then stamps the slip. */
    public boolean isReadyToStampPaid() {
        return (status == SaleStatus.CONFIRMED || status == SaleStatus.AWAITING_CLEARANCE)
                && due().isZero() && !activeLines().isEmpty() && goodsTakenAt != null
                && payments.stream().noneMatch(Payment::isPendingCheck);
    }

    /**
     * The paid stamp: the sale is PAID and carries its gapless slip number. A sale built at the
     * counter belongs to the business day it is paid on ({@code today}); a submitted sale keeps the
     * day it was made.
     */
    public void stampPaid(long slipNumber, Instant now, LocalDate today) {
        if (!isReadyToStampPaid()) {
            throw new SaleStateException(id, status, "be stamped paid with " + due().toPlainString() + " due or a check pending");
        }
        if (origin == SaleOrigin.COUNTER) {
            this.businessDate = today;
        }
        this.slipNumber = slipNumber;
        this.status = SaleStatus.PAID;
        this.paidAt = now;
    }

    // --- pick-up, farewell --------------------------------------------------------------------------

    /**
     * 取货、打包: every line checked off against the goods. PACKED only when each line's counted
     * quantity matches; otherwise the refusal lists what is missing or too much.
     */
    public void pack(Map<String, BigDecimal> countedByLine, Instant now) {
        requireStatus(EnumSet.of(SaleStatus.PAID), "be packed");
        List<Map<String, Object>> mismatches = new ArrayList<>();
        for (String lineId : countedByLine.keySet()) {
            if (activeLines().stream().noneMatch(l -> l.id().equals(lineId))) {
                mismatches.add(mismatch(lineId, null, BigDecimal.ZERO, countedByLine.get(lineId)));
            }
        }
        for (SaleLine line : activeLines()) {
            BigDecimal counted = countedByLine.getOrDefault(line.id(), BigDecimal.ZERO);
            if (counted.compareTo(line.quantity()) != 0) {
                mismatches.add(mismatch(line.id(), line, line.quantity(), counted));
            }
        }
        if (!mismatches.isEmpty()) {
            throw new SaleRuleException("packing-incomplete", "Packing does not match the sale",
                    mismatches.size() + " line(s) do not match the goods checked off", Map.of("missingLines", mismatches));
        }
        status = SaleStatus.PACKED;
        packedAt = now;
    }

    private static Map<String, Object> mismatch(String lineId, SaleLine line, BigDecimal expected, BigDecimal counted) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lineId", lineId);
        if (line != null) {
            m.put("sku", line.sku());
            m.put("name", line.item().name());
        }
        m.put("expected", expected.stripTrailingZeros().toPlainString());
        m.put("counted", counted.stripTrailingZeros().toPlainString());
        return m;
    }

    /** Farewell: the goods have left with the customer. */
    public void complete(Instant now) {
        requireStatus(EnumSet.of(SaleStatus.PAID, SaleStatus.PACKED), "complete");
        status = SaleStatus.COMPLETED;
        completedAt = now;
    }

    // --- hold and recall -----------------------------------------------------------------------------

    /**
     * 挂单: the customer steps aside; the counter serves the next one. Only an OPEN or CONFIRMED sale
     * without tenders is held; it keeps its state.
     *
     * @return false when it was held already
     */
    public boolean hold(Instant now) {
        if (heldAt != null) {
            return false;
        }
        requireStatus(EnumSet.of(SaleStatus.OPEN, SaleStatus.CONFIRMED), "be held");
        if (!payments.isEmpty()) {
            throw new SaleStateException(id, status, "be held once tenders are taken");
        }
        heldAt = now;
        return true;
    }

    /**
     * 取单: the held sale is served again, as it was.
     *
     * @return false when it was not held
     */
    public boolean recall() {
        if (heldAt == null) {
            return false;
        }
        heldAt = null;
        return true;
    }

    /**
     * Whether a print of the paid slip is the original: only its first print, and only when no copy
     * is asked for; every other print is a copy (副本), so that one slip only is ever the original.
     *
     * @throws SaleStateException before the sale is paid: it has no slip to print
     */
    public boolean printsOriginal(boolean firstPrint, boolean copyAsked) {
        if (slipNumber == null) {
            throw new SaleStateException(id, status, "show a paid slip before it is paid");
        }
        return firstPrint && !copyAsked;
    }

    public boolean isHeld() {
        return heldAt != null;
    }

    public Optional<Instant> heldAt() {
        return Optional.ofNullable(heldAt);
    }

    // --- rules ---------------------------------------------------------------------------------------

    private void requireNotHeld(String attempted) {
        if (heldAt != null) {
            throw new SaleHeldException(id, heldAt, attempted);
        }
    }

    private void requireStatus(Set<SaleStatus> allowed, String attempted) {
        requireNotHeld(attempted);
        if (!allowed.contains(status)) {
            throw new SaleStateException(id, status, attempted + " (needs " + allowed + ")");
        }
    }

    private void requireNoGoodsHeld(String attempted) {
        if (goodsTakenAt != null) {
            throw new SaleStateException(id, status, attempted + " while its goods are held (give them back first)");
        }
    }

    private static void requirePositive(BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            throw new SaleRuleException("invalid-quantity", "Invalid quantity", "a line needs a positive quantity, not " + quantity.toPlainString());
        }
    }

    private static void requireWithinDue(Money amount, Money due) {
        if (!amount.isPositive() || amount.isGreaterThan(due)) {
            throw new SaleRuleException("invalid-amount", "Invalid amount",
                    "a tender covers more than 0 and at most what is due (" + due.toPlainString() + "), not " + amount.toPlainString()
                            + "; only cash may exceed what is due",
                    Map.of("due", due.toPlainString()));
        }
    }

    private SaleLine activeLine(String lineId) {
        return activeLines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new SaleNotFoundException("line " + lineId + " on sale " + id));
    }

    private void recomputeTotal() {
        total = activeLines().stream().map(SaleLine::amount).reduce(Money.zero(currency()), Money::plus).amount();
    }

    private java.util.stream.Stream<Payment> countingPayments() {
        return payments.stream().filter(p -> !p.isBounced());
    }

    // --- reading -------------------------------------------------------------------------------------

    public List<SaleLine> activeLines() {
        return lines.stream().filter(l -> !l.isVoided()).toList();
    }

    public List<SaleLine> lines() {
        return List.copyOf(lines);
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

    public Optional<String> associateCode() {
        return Optional.ofNullable(associateCode);
    }

    /** Null only for a sale recorded before shifts existed. */
    public String shiftId() {
        return shiftId;
    }

    public SaleOrigin origin() {
        return origin;
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

    public BigDecimal orderDiscountRate() {
        return orderDiscountRate;
    }

    public Money total() {
        return Money.of(total, currency());
    }

    /** What the active lines would cost at list price: total + discounts granted. */
    public Money listTotal(RoundingMode rounding) {
        return activeLines().stream().map(l -> Pricing.amount(l.listPrice(), l.quantity(), rounding))
                .reduce(Money.zero(currency()), Money::plus);
    }

    /** Tenders that count towards the sale (bounced checks do not). */
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

    public Optional<Instant> paidAt() {
        return Optional.ofNullable(paidAt);
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public Optional<Instant> confirmedAt() {
        return Optional.ofNullable(confirmedAt);
    }

    public Optional<Instant> packedAt() {
        return Optional.ofNullable(packedAt);
    }

    public Optional<Instant> cancelledAt() {
        return Optional.ofNullable(cancelledAt);
    }

    /** When the goods left the stock for this sale, if they have. */
    public Optional<Instant> goodsTakenAt() {
        return Optional.ofNullable(goodsTakenAt);
    }

    @Override
    protected Object key() {
        return id;
    }
}
