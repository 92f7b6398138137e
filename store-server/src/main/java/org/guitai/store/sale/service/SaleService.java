package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guitai.kernel.contract.SaleCompleted;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.OnceById;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.platform.security.Caller;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.approval.service.Approvals;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.catalog.domain.InsufficientStockException;
import org.guitai.store.catalog.domain.Product;
import org.guitai.store.catalog.service.CatalogService;
import org.guitai.store.mobile.domain.MobileChannel;
import org.guitai.store.mobile.domain.MobileCharge;
import org.guitai.store.mobile.domain.PaymentPendingException;
import org.guitai.store.mobile.domain.PaymentCode;
import org.guitai.store.mobile.service.ChargeAttempts;
import org.guitai.store.mobile.service.MobileCharges;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.report.domain.DayFigure;
import org.guitai.store.report.service.DayTotals;
import org.guitai.store.sale.domain.ChangeBreakdown;
import org.guitai.store.sale.domain.CheckClearance;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.NumberCounter;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.Pricing;
import org.guitai.store.sale.domain.RejectedNote;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleAtOtherTerminalException;
import org.guitai.store.sale.domain.SaleLine;
import org.guitai.store.sale.domain.SaleNotFoundException;
import org.guitai.store.sale.domain.SaleRuleException;
import org.guitai.store.sale.domain.SaleStateException;
import org.guitai.store.sale.domain.SaleStatus;
import org.guitai.store.sale.domain.SlipNumber;
import org.guitai.store.sale.domain.SoldItem;
import org.guitai.store.sale.domain.Taxes;
import org.guitai.store.shift.domain.Ledger;
import org.guitai.store.shift.domain.LedgerItem;
import org.guitai.store.shift.service.Shifts;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.service.StaffDirectory;
import org.guitai.store.sync.service.Outbox;

/**
 * The use cases of the counter. Each runs in one transaction with the sale row locked, so that
 * two terminals racing on one sale take turns and the loser sees the winner's state. Creates are
 * idempotent on the client's id: repeating a request returns what the first one did. Actions a
 * cashier may not take alone use up a manager's approval and are audited.
 */
@ApplicationScoped
@Transactional
public class SaleService {

    @Inject
    DayTotals dayTotals;

    /** A sale just stamped paid, fired in its transaction (the returns service completes an exchange's return). */
    public record Paid(String saleId, Caller caller) {
    }

    /** A sale just cancelled, fired in its transaction (the returns service takes back a return's credit it held). */
    public record Cancelled(String saleId, Caller caller) {
    }

    @Inject
    Event<Paid> paidEvents;

    @Inject
    Event<Cancelled> cancelledEvents;

    @Inject
    SaleRepository sales;

    @Inject
    CatalogService catalog;

    @Inject
    Approvals approvals;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    StoreSettings settings;

    @Inject
    Shifts shifts;

    @Inject
    StaffDirectory staff;

    @Inject
    Clock clock;

    @Inject
    MobileCharges mobileCharges;

    /** A line to add: by barcode or SKU, with an overriding unit price or a discount if asked. */
    public record LineOrder(String lineId, Optional<String> barcode, Optional<String> sku, BigDecimal quantity,
                            Optional<Money> unitPrice, Optional<BigDecimal> discountPercent, Optional<String> approvalId) {
    }

    /** A change to a line while the sale is open. */
    /** A change to a line: quantity, discount (percent), price before discounts, and the manager's approval where one is needed. */
    public record LineChange(Optional<BigDecimal> quantity, Optional<BigDecimal> discountPercent, Optional<Money> unitPrice,
                             Optional<String> approvalId) {
    }

    /** One tender as the counter hands it over. */
    public sealed interface Tendered permits Cash, Card, Check, Mobile, MobileCharged, Exchange {

        String paymentId();
    }

    /** Cash: the amount due as the cashier states it, the notes counted and refused, and the part of the due it is for. */
    public record Cash(String paymentId, Money amountDue, Optional<Money> amount, List<NoteCount> counted,
                       List<RejectedNote> rejected) implements Tendered {
    }

    public record Card(String paymentId, Money amount, String authCode, String last4, String terminalReference) implements Tendered {
    }

    public record Check(String paymentId, Money amount, String checkNumber, String bank) implements Tendered {
    }

    /** A mobile payment as the counter hands it over: the customer's payment code, to be charged once ({@link Checkout}). */
    public record Mobile(String paymentId, Money amount, PaymentCode code) implements Tendered {
    }

    /** A mobile payment the provider approved: what the sale records of it (never the code). */
    public record MobileCharged(String paymentId, Money amount, MobileChannel channel, String transactionId) implements Tendered {
    }

    /** The credit of a return applied to this new sale of an exchange (see the returns feature). */
    public record Exchange(String paymentId, Money amount, String returnId) implements Tendered {
    }

    /** 唱: what to announce and hand back after a tender. */
    public record TenderResult(Payment payment, List<NoteCount> changeBreakdown, String announcement, Sale sale) {
    }

    // --- greet ------------------------------------------------------------------------------------------

    /**
     * Greet: a sale for the caller's terminal, in the shift open there (409 no-open-shift without
     * one), credited to the sales associate who serves the customer if one is named; repeating its
     * id answers the same sale.
     */
    @OnceById
    public Sale open(String saleId, String terminalId, Optional<String> customerId, Optional<String> associateCode, Caller caller) {
        Optional<Sale> existing = sales.find(saleId);
        if (existing.isPresent()) {
            if (!existing.get().terminalId().equals(terminalId)) {
                throw new IdConflictException("sale", saleId);
            }
            return existing.get();
        }
        requireOwnTerminal(terminalId, caller);
        associateCode.ifPresent(this::requireAssociate);
        String shiftId = shifts.shiftForNewSale(terminalId);
        Instant openedAt = clock.instant();
        Sale sale = Sale.open(saleId, terminalId, shiftId, caller.staffCode(), associateCode.orElse(null), customerId.orElse(null),
                settings.currency(), businessDate(openedAt), openedAt);
        sales.add(sale);
        return sale;
    }

    /**
     * A sale a terminal submits whole, made by {@code seller} at that terminal from {@code startedAt};
     * it belongs to the shift open there now (the one open when it was made, if still open, else the
     * terminal's next one).
     */
    Sale newDocumentSale(String saleId, String terminalId, Optional<String> customerId, Optional<String> associateCode, Caller seller,
                         Instant startedAt) {
        requireOwnTerminal(terminalId, seller);
        associateCode.ifPresent(this::requireAssociate);
        return Sale.fromDocument(saleId, terminalId, shifts.shiftForDocument(terminalId), seller.staffCode(), associateCode.orElse(null),
                customerId.orElse(null), settings.currency(), businessDate(startedAt), startedAt);
    }

    /** The associate a sale is credited to is active staff of this store. */
    private void requireAssociate(String code) {
        if (!staff.isActive(code)) {
            throw new SaleRuleException("unknown-associate", "Unknown sales associate", code + " is not active staff of this store");
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Sale get(String saleId) {
        return sales.get(saleId);
    }

    /** The sale a scanned slip barcode stands for. */
    @Transactional(TxType.SUPPORTS)
    public Sale bySlip(String code) {
        SlipNumber slip = SlipNumber.parse(code).filter(s -> s.storeId().equals(settings.storeId()))
                .orElseThrow(() -> new SaleNotFoundException("the slip code " + code + " of this store"));
        return sales.findBySlip(slip.number()).orElseThrow(() -> new SaleNotFoundException("slip " + slip.code()));
    }

    /** The sale a slip code (as scanned or typed) or a bare slip number stands for. */
    @Transactional(TxType.SUPPORTS)
    public Sale bySlipCodeOrNumber(String codeOrNumber) {
        String typed = codeOrNumber.trim();
        if (typed.matches("\\d{1,18}")) {
            return sales.findBySlip(Long.parseLong(typed)).orElseThrow(() -> new SaleNotFoundException("slip number " + typed));
        }
        return bySlip(typed);
    }

    /**
     * The sale locked until the caller's transaction ends, for a return or a refund of it: two returns
     * of the same sale take turns, and the second sees what the first returned. The row is not written.
     */
    @Transactional(TxType.MANDATORY)
    public Sale lockForReturn(String saleId) {
        return sales.getForUpdate(saleId);
    }

    /** A print of the paid slip: the sale, and whether the print is a copy (副本). */
    public record SlipPrint(Sale sale, boolean copy) {
    }

    /**
     * A print of the paid slip. The store records that the original was printed: the first print is
     * the original (unless a copy is asked for), every later print is a copy marked 副本, and a copy
     * is audited with who printed it where.
     */
    public SlipPrint printSlip(String saleId, boolean copyAsked, Caller caller) {
        // the sale's row lock orders two first prints at once; the row itself is never written (a completed sale's cannot be)
        Sale sale = sales.getForUpdate(saleId);
        boolean first = !sales.slipPrinted(saleId);
        boolean original = sale.printsOriginal(first, copyAsked);
        String code = slipOf(sale).code();
        if (first) {
            sales.recordFirstPrint(saleId, copyAsked, clock.instant(), caller.staffCode(), caller.terminalId());
        }
        if (original) {
            return new SlipPrint(sale, false);
        }
        audit.record(AuditEvent.SLIP_REPRINTED, AuditLog.Who.of(caller), saleId, code, "slip " + code + " printed again as a copy (副本)");
        return new SlipPrint(sale, true);
    }

    public SlipNumber slipOf(Sale sale) {
        return new SlipNumber(settings.storeId(), sale.slipNumber().orElseThrow(
                () -> new SaleStateException(sale.id(), sale.status(), "show a paid slip before it is paid")));
    }

    // --- order ------------------------------------------------------------------------------------------

    public Sale addLine(String saleId, LineOrder order, Caller caller) {
        Sale sale = atOwnCounter(saleId, caller, "add a line");
        if (sale.line(order.lineId()).isPresent()) {
            return sale;
        }
        requireNoPendingCharge(sale, "add a line");
        placeLine(sale, order, caller);
        return sale;
    }

    /** Adds the line with every rule of the counter: stock, override and discount approvals, audit. */
    void placeLine(Sale sale, LineOrder order, Caller caller) {
        // the state before the catalog: a closed sale answers 409 whatever the barcode
        sale.requireOpen("add a line");
        CatalogService.Item item = order.barcode().map(catalog::byBarcode)
                .or(() -> order.sku().map(catalog::bySku))
                .orElseThrow(() -> new SaleRuleException("no-product", "No product given", "a line needs a barcode or a SKU"));
        placeLine(sale, order, item, caller);
    }

    /** The same, with the product already found (a whole document finds all of its products at once). */
    void placeLine(Sale sale, LineOrder order, CatalogService.Item item, Caller caller) {
        String saleId = sale.id();
        Product product = item.product();
        requireStock(sale, product.sku(), order.quantity(), item.stock(), Optional.empty());
        Money listPrice = product.price();
        Money basePrice = order.unitPrice().orElse(listPrice);
        BigDecimal lineRate = order.discountPercent().map(Pricing::rate).orElse(BigDecimal.ZERO);
        boolean override = !basePrice.equals(listPrice);
        // a new line takes the order discount the sale already has; only a line discount on top is weighed
        boolean overLimit = raisesAboveLimit(sale.orderDiscountRate(), Pricing.combined(lineRate, sale.orderDiscountRate()));
        if (override && overLimit) {
            throw new SaleRuleException("one-approval-per-request", "One approval per request",
                    "a price override and a discount above the limit need two approvals: add the line, then discount it");
        }
        SaleLine line = sale.addLine(order.lineId(), soldItem(product), order.quantity(), basePrice, lineRate, settings.rounding());
        if (override) {
            AuditLog.Who who = approvals.use(order.approvalId(), ApprovalAction.PRICE_OVERRIDE, saleId, caller,
                    "selling " + product.sku() + " at " + basePrice.toPlainString() + " instead of " + listPrice.toPlainString());
            audit.record(AuditEvent.PRICE_OVERRIDE, who, saleId, product.sku(),
                    "line " + line.id() + ": " + listPrice.toPlainString() + " -> " + basePrice.toPlainString());
        }
        if (overLimit) {
            auditDiscount(sale, line, order.approvalId(), caller);
        }
    }

    public Sale changeLine(String saleId, String lineId, LineChange change, Caller caller) {
        Sale sale = atOwnCounter(saleId, caller, "change a line");
        sale.requireOpen("change a line");
        requireNoPendingCharge(sale, "change a line");
        SaleLine line = sale.line(lineId).filter(l -> !l.isVoided())
                .orElseThrow(() -> new SaleNotFoundException("line " + lineId + " on sale " + saleId));
        if (change.quantity().isPresent()) {
            requireStock(sale, line.sku(), change.quantity().get(), catalog.stockOf(line.sku()), Optional.of(lineId));
            sale.changeQuantity(lineId, change.quantity().get(), settings.rounding());
        }
        // a new price away from the list price is an override; back to the list price needs nobody
        Money before = line.basePrice();
        boolean override = change.unitPrice().filter(p -> p.compareTo(before) != 0 && p.compareTo(line.listPrice()) != 0).isPresent();
        boolean discountOverLimit = change.discountPercent().filter(p -> raisesAboveLimit(Pricing.combined(line.discountRate(), sale.orderDiscountRate()),
                Pricing.combined(Pricing.rate(p), sale.orderDiscountRate()))).isPresent();
        if (override && discountOverLimit) {
            throw new SaleRuleException("one-approval-per-request", "One approval per request",
                    "a price override and a discount above the limit need two approvals: change the price, then the discount");
        }
        if (change.unitPrice().isPresent()) {
            sale.repriceLine(lineId, change.unitPrice().get(), settings.rounding());
            if (override) {
                AuditLog.Who who = approvals.use(change.approvalId(), ApprovalAction.PRICE_OVERRIDE, saleId, caller,
                        "selling " + line.sku() + " at " + change.unitPrice().get().toPlainString() + " instead of " + line.listPrice().toPlainString());
                audit.record(AuditEvent.PRICE_OVERRIDE, who, saleId, line.sku(),
                        "line " + lineId + ": " + before.toPlainString() + " -> " + change.unitPrice().get().toPlainString());
            }
        }
        if (change.discountPercent().isPresent()) {
            sale.discountLine(lineId, Pricing.rate(change.discountPercent().get()), settings.rounding());
            if (discountOverLimit) {
                auditDiscount(sale, line, change.approvalId(), caller);
            }
        }
        return sale;
    }

    /** The order discount (percent) applies to every line; above the cashier's limit it needs a manager. */
    public Sale discountOrder(String saleId, BigDecimal percent, Optional<String> approvalId, Caller caller) {
        Sale sale = atOwnCounter(saleId, caller, "discount the order");
        requireNoPendingCharge(sale, "discount the order");
        applyOrderDiscount(sale, percent, approvalId, caller);
        return sale;
    }

    void applyOrderDiscount(Sale sale, BigDecimal percent, Optional<String> approvalId, Caller caller) {
        String saleId = sale.id();
        BigDecimal rate = Pricing.rate(percent);
        BigDecimal before = sale.orderDiscountRate();
        // weighed on every line together with its own discount: 10 % and 10 % make 19 % off
        BigDecimal deepest = sale.activeLines().stream().map(l -> Pricing.combined(l.discountRate(), rate)).max(BigDecimal::compareTo).orElse(rate);
        boolean overLimit = raisesAboveLimit(before, rate) || sale.activeLines().stream().anyMatch(
                l -> raisesAboveLimit(Pricing.combined(l.discountRate(), before), Pricing.combined(l.discountRate(), rate)));
        sale.discountOrder(rate, settings.rounding());
        if (overLimit) {
            AuditLog.Who who = approvals.use(approvalId, ApprovalAction.DISCOUNT, saleId, caller,
                    "an order discount of " + percent.stripTrailingZeros().toPlainString() + " % takes up to "
                            + Pricing.percent(deepest).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                            + " % off a line, above the limit of " + settings.cashierDiscountLimit().stripTrailingZeros().toPlainString() + " %");
            audit.record(AuditEvent.DISCOUNT, who, saleId, "order", "order discount " + percent.stripTrailingZeros().toPlainString() + " %");
        }
    }

    /** Voids a line: free while the sale is open; after confirmation only with a manager's approval. */
    public Sale voidLine(String saleId, String lineId, Optional<String> approvalId, Caller caller) {
        Sale sale = atOwnCounter(saleId, caller, "void a line", true);
        SaleLine existing = sale.line(lineId).orElseThrow(() -> new SaleNotFoundException("line " + lineId + " on sale " + saleId));
        if (existing.isVoided()) {
            return sale;
        }
        requireNoPendingCharge(sale, "void a line");
        boolean approvalNeeded = sale.voidNeedsApproval();
        Instant now = clock.instant();
        giveBackHeldGoods(sale, now);
        SaleLine line = sale.voidLine(lineId, caller.staffCode(), now);
        shifts.postIfOpen(sale.shiftId(), sale.terminalId(), Ledger.empty().plus(LedgerItem.VOIDED_LINES, 1).plus(LedgerItem.VOIDED_AMOUNT, line.amount().amount()));
        dayTotals.post(sale.businessDate(), List.of(DayFigure.of(DayFigure.Kind.VOID, "", 1, line.amount().amount())));
        AuditLog.Who who = approvalNeeded
                ? approvals.use(approvalId, ApprovalAction.VOID_LINE, saleId, caller, "voiding a line of a confirmed order")
                : AuditLog.Who.of(caller);
        audit.record(AuditEvent.LINE_VOIDED, who, saleId, line.sku(),
                "line " + line.lineNo() + " (" + line.quantity().stripTrailingZeros().toPlainString() + " x " + line.unitPrice().toPlainString() + ") voided");
        return sale;
    }

    /** Confirm; a sale with nothing to pay (all given away, with approval) is paid there and then. */
    public Sale confirm(String saleId, Caller caller) {
        Sale sale = atOwnCounter(saleId, caller, "confirm");
        Instant now = clock.instant();
        boolean wasPaid = sale.paidAt().isPresent();
        sale.confirm(now);
        settle(sale, now);
        shifts.postIfOpen(sale.shiftId(), sale.terminalId(), salePosting(sale, wasPaid));
        recordPaid(sale, wasPaid);
        firePaid(sale, wasPaid, caller);
        return sale;
    }

    /** Abandons a sale; once the customer confirmed it, only with a manager's VOID_LINE approval (every line goes). */
    public Sale cancel(String saleId, Optional<String> approvalId, Caller caller) {
        Sale sale = atOwnCounter(saleId, caller, "cancel", true);
        if (sale.status() == SaleStatus.CANCELLED) {
            return sale;
        }
        requireNoPendingCharge(sale, "be cancelled");
        boolean approvalNeeded = sale.cancelNeedsApproval();
        Instant now = clock.instant();
        giveBackHeldGoods(sale, now);
        Money cancelledTotal = sale.total();
        sale.cancel(now);
        cancelledEvents.fire(new Cancelled(saleId, caller));
        shifts.postIfOpen(sale.shiftId(), sale.terminalId(), Ledger.empty().plus(LedgerItem.CANCELLED_COUNT, 1)
                .plus(LedgerItem.CANCELLED_AMOUNT, cancelledTotal.amount()));
        dayTotals.post(sale.businessDate(), List.of(DayFigure.of(DayFigure.Kind.CANCEL, "", 1, cancelledTotal.amount())));
        AuditLog.Who who = approvalNeeded
                ? approvals.use(approvalId, ApprovalAction.VOID_LINE, saleId, caller, "cancelling a confirmed order voids all its lines")
                : AuditLog.Who.of(caller);
        audit.record(AuditEvent.SALE_CANCELLED, who, saleId, null, "sale cancelled with " + sale.total().toPlainString() + " on it");
        return sale;
    }

    // --- checkout ---------------------------------------------------------------------------------------

    /**
     * Takes one tender; repeating the payment id returns the first result and never charges twice.
     * When tenders first cover the total the goods leave the stock (held for the customer while a
     * check waits); when no check waits either, the sale is stamped paid with the next slip number.
     */
    public TenderResult pay(String saleId, Tendered tendered, Caller caller) {
        caller.require("taking payments", Role.CASHIER, Role.STORE_MANAGER);
        Sale sale = atOwnCounter(saleId, caller, "take a payment");
        Optional<Payment> repeated = sale.payment(tendered.paymentId());
        if (repeated.isPresent()) {
            return result(repeated.get(), sale);
        }
        // an approved charge being recorded is the one pending charge it may pass
        requireNoPendingCharge(sale, "take another tender",
                tendered instanceof MobileCharged ? Optional.of(tendered.paymentId()) : Optional.empty());
        Instant now = clock.instant();
        boolean wasPaid = sale.paidAt().isPresent();
        TenderResult result = tender(sale, tendered, caller, now);
        settle(sale, now);
        // the ledger row last: a terminal's sales take turns on it only for their commit
        shifts.post(sale.shiftId(), sale.terminalId(), tenderPosting(result.payment()).plus(salePosting(sale, wasPaid)));
        recordPaid(sale, wasPaid);
        firePaid(sale, wasPaid, caller);
        return result;
    }

    /** Before a mobile payment is charged: the first result if the payment id was taken already, else the charge recorded SENT. */
    public record MobileReservation(Optional<TenderResult> repeated, Optional<ChargeAttempts.Attempt> attempt) {
    }

    /**
     * Reserves the amount of a mobile payment before the gateway is called: with the sale locked
     * (at its own counter, confirmed, not held, at most what is due, no other mobile charge of it
     * pending, the payment id used by no payment) the charge is recorded SENT and committed, so that
     * while the provider answers the sale takes no other tender, change, cancel or hold. A payment id
     * taken already answers its first result; a charge recorded under it already is answered as found.
     */
    @OnceById
    @Transactional(TxType.REQUIRES_NEW)
    public MobileReservation reserveMobile(String saleId, String paymentId, MobileChannel channel, Money amount, Caller caller) {
        caller.require("taking payments", Role.CASHIER, Role.STORE_MANAGER);
        Sale sale = atOwnCounter(saleId, caller, "take a payment");
        Optional<Payment> repeated = sale.payment(paymentId);
        if (repeated.isPresent()) {
            return new MobileReservation(Optional.of(result(repeated.get(), sale)), Optional.empty());
        }
        Optional<MobileCharge> recorded = mobileCharges.find(paymentId);
        if (recorded.isPresent()) {
            return new MobileReservation(Optional.empty(), Optional.of(new ChargeAttempts.Attempt(recorded.get(), false)));
        }
        if (sales.paymentExists(paymentId)) {
            throw new IdConflictException("payment", paymentId);
        }
        sale.requireTenderable(amount);
        requireNoPendingCharge(sale, "take another mobile payment");
        return new MobileReservation(Optional.empty(), Optional.of(mobileCharges.begin(paymentId, saleId, channel, amount, caller)));
    }

    /**
     * 409 payment-pending while a mobile charge of the (locked) sale is SENT, or APPROVED and not
     * recorded on it: the charge holds the amount until its answer is recorded on the sale.
     */
    private void requireNoPendingCharge(Sale sale, String attempted) {
        requireNoPendingCharge(sale, attempted, Optional.empty());
    }

    private void requireNoPendingCharge(Sale sale, String attempted, Optional<String> except) {
        Optional<MobileCharge> pending = mobileCharges.pendingFor(sale.id(), id -> sale.payment(id).isPresent(), except);
        if (pending.isPresent()) {
            throw PaymentPendingException.blocking(pending.get().paymentId(), pending.get().channel(), attempted);
        }
    }

    /** What a tender adds to its shift's ledger: cash received and change given, card, check; the notes refused. */
    static Ledger tenderPosting(Payment p) {
        return switch (p.tender()) {
            case CASH -> Ledger.empty().plus(LedgerItem.CASH_COUNT, 1)
                    .plus(LedgerItem.CASH_RECEIVED, p.received().amount())
                    .plus(LedgerItem.CASH_APPLIED, p.applied().amount())
                    .plus(LedgerItem.CHANGE_GIVEN, p.change().amount())
                    .plus(LedgerItem.CASH_WAIVED, p.rounding().amount())
                    .plus(LedgerItem.REJECTED_NOTES, p.rejected().size())
                    .plus(LedgerItem.REJECTED_AMOUNT, p.rejected().stream().map(RejectedNote::denomination).reduce(BigDecimal.ZERO, BigDecimal::add));
            case CARD -> Ledger.empty().plus(LedgerItem.CARD_COUNT, 1).plus(LedgerItem.CARD_AMOUNT, p.applied().amount());
            case CHECK -> Ledger.empty().plus(LedgerItem.CHECK_COUNT, 1).plus(LedgerItem.CHECK_AMOUNT, p.applied().amount());
            case MOBILE -> Ledger.empty().plus(LedgerItem.MOBILE_COUNT, 1).plus(LedgerItem.MOBILE_AMOUNT, p.applied().amount());
            // a return's credit: no money moves through the drawer or a provider
            case EXCHANGE -> Ledger.empty();
        };
    }

    /** A sale just stamped paid counts in its shift's sales, with the discounts it was given; else nothing. */
    Ledger salePosting(Sale sale, boolean wasPaid) {
        if (wasPaid || sale.paidAt().isEmpty()) {
            return Ledger.empty();
        }
        return Ledger.empty().plus(LedgerItem.SALES_COUNT, 1).plus(LedgerItem.SALES_AMOUNT, sale.total().amount())
                .plus(LedgerItem.DISCOUNT_AMOUNT, sale.listTotal(settings.rounding()).minus(sale.total()).amount());
    }

    /** A sale just stamped paid joins its business day's running totals, once (see {@link #dayFigures}). */
    void recordPaid(Sale sale, boolean wasPaid) {
        if (!wasPaid && sale.paidAt().isPresent()) {
            dayTotals.post(sale.businessDate(), dayFigures(sale, settings.zone(), settings.rounding()));
        }
    }

    private void firePaid(Sale sale, boolean wasPaid, Caller caller) {
        if (!wasPaid && sale.paidAt().isPresent()) {
            paidEvents.fire(new Paid(sale.id(), caller));
        }
    }

    /** The same in the round trip of a sale submitted whole. */
    void recordPaid(Sale sale, RowBatch rows) {
        if (sale.paidAt().isPresent()) {
            dayTotals.post(sale.businessDate(), dayFigures(sale, settings.zone(), settings.rounding()), rows);
        }
    }

    /**
     * What a paid sale adds to its day: the sale (total, units and list-price total, whose difference
     * is the discounts granted), the hour it was paid in, who it is credited to (the sales associate
     * named on it, else the cashier), its tenders but bounced checks, and the products of its lines.
     */
    static List<DayFigure> dayFigures(Sale sale, ZoneId zone, RoundingMode rounding) {
        BigDecimal total = sale.total().amount();
        List<DayFigure> figures = new ArrayList<>();
        BigDecimal units = BigDecimal.ZERO;
        for (SaleLine line : sale.activeLines()) {
            units = units.add(line.quantity());
            figures.add(new DayFigure(DayFigure.Kind.ITEM, line.sku(), 1, line.quantity(), line.amount().amount(),
                    Pricing.amount(line.listPrice(), line.quantity(), rounding).amount()));
        }
        figures.add(new DayFigure(DayFigure.Kind.SALES, "", 1, units, total, sale.listTotal(rounding).amount()));
        int hour = sale.paidAt().orElseThrow().atZone(zone).getHour();
        figures.add(DayFigure.of(DayFigure.Kind.HOUR, hour < 10 ? "0" + hour : Integer.toString(hour), 1, total));
        figures.add(DayFigure.of(DayFigure.Kind.STAFF, sale.associateCode().orElse(sale.cashierCode()), 1, total));
        for (Payment p : sale.payments()) {
            if (!p.isBounced()) {
                figures.add(DayFigure.of(DayFigure.Kind.TENDER, p.tender().name(), 1, p.applied().amount()));
            }
        }
        return DayFigure.merged(figures);
    }

    /** Takes the tender; the caller settles the sale once its tenders are in. */
    TenderResult tender(Sale sale, Tendered tendered, Caller caller, Instant now) {
        Payment payment;
        if (tendered instanceof Cash c) {
            payment = sale.takeCash(c.paymentId(), c.amountDue(), c.amount(), c.counted(), c.rejected(), settings.denominations(),
                    settings.cashRounding(), caller.staffCode(), now);
        } else if (tendered instanceof Card c) {
            payment = sale.takeCard(c.paymentId(), c.amount(), c.authCode(), c.last4(), c.terminalReference(), caller.staffCode(), now);
        } else if (tendered instanceof Check c) {
            payment = sale.takeCheck(c.paymentId(), c.amount(), c.checkNumber(), c.bank(), caller.staffCode(), now);
        } else if (tendered instanceof Exchange x) {
            payment = sale.takeExchange(x.paymentId(), x.amount(), x.returnId(), caller.staffCode(), now);
        } else if (tendered instanceof MobileCharged m) {
            payment = sale.takeMobile(m.paymentId(), m.amount(), m.channel().name(), m.transactionId(), caller.staffCode(), now);
        } else {
            throw new IllegalStateException("a mobile payment is charged through the payment gateway before the sale records it");
        }
        return result(payment, sale);
    }

    /** The checks awaiting clearance, for the store manager (read in a transaction: plain SQL on its connection). */
    public List<SaleRepository.PendingCheck> pendingChecks(Caller caller) {
        caller.require("reading the checks awaiting clearance", Role.STORE_MANAGER);
        return sales.pendingChecks();
    }

    /** A manager records that a check's funds cleared (the sale may then be paid) or that it bounced (due again). */
    public Sale decideCheck(String saleId, String paymentId, CheckClearance.Outcome outcome, Caller caller) {
        caller.require("recording a check's clearance", Role.STORE_MANAGER);
        Sale sale = sales.getForUpdate(saleId);
        Optional<CheckClearance> decided = sale.payment(paymentId).flatMap(Payment::clearance);
        if (decided.isPresent() && decided.get().outcome() == outcome) {
            return sale;
        }
        Instant now = clock.instant();
        boolean wasPaid = sale.paidAt().isPresent();
        Payment check = sale.decideCheck(paymentId, outcome, caller.staffCode(), now);
        audit.record(outcome == CheckClearance.Outcome.CLEARED ? AuditEvent.CHECK_CLEARED : AuditEvent.CHECK_BOUNCED,
                AuditLog.Who.of(caller), saleId, check.checkNumber(),
                "check " + check.checkNumber() + " of " + check.bank() + " for " + check.applied().toPlainString() + ": " + outcome);
        settle(sale, now);
        shifts.postIfOpen(sale.shiftId(), sale.terminalId(), salePosting(sale, wasPaid));
        recordPaid(sale, wasPaid);
        firePaid(sale, wasPaid, caller);
        return sale;
    }

    /**
     * Once tenders cover the total the goods leave the stock (another counter may have sold the
     * last one: then the tender is refused); once no check waits either, the sale is stamped paid.
     * A sale paid as its goods leave takes the stock and its slip number in one round trip. The
     * slip counter is locked last, so concurrent sales hold it only for their commit.
     */
    void settle(Sale sale, Instant now) {
        if (sale.needsGoodsTaken() && sale.payments().stream().noneMatch(Payment::isPendingCheck)) {
            long slip = catalog.takeWithNumber(sale.quantitiesBySku(), settings.allowNegativeStock(), now, NumberCounter.SLIP);
            sale.goodsTaken(now);
            sale.stampPaid(slip, now, businessDate(now));
            return;
        }
        if (sale.needsGoodsTaken()) {
            catalog.take(sale.quantitiesBySku(), settings.allowNegativeStock(), now);
            sale.goodsTaken(now);
        }
        stampIfPaid(sale, now);
    }

    /**
     * The paid stamp with the store's next slip number. Every sale waits for the slip counter's
     * row until the one holding it commits, so all else this transaction writes is sent first.
     */
    private void stampIfPaid(Sale sale, Instant now) {
        if (sale.isReadyToStampPaid()) {
            sales.flush();
            sale.stampPaid(sales.nextNumber(NumberCounter.SLIP), now, businessDate(now));
        }
    }

    /** Goods held for a sale whose check bounced go back on the shelf before its lines change or it is cancelled. */
    private void giveBackHeldGoods(Sale sale, Instant now) {
        if (sale.holdsGoodsUnpaid()) {
            catalog.putBack(sale.releaseGoods(), now);
        }
    }

    private TenderResult result(Payment payment, Sale sale) {
        List<NoteCount> breakdown = ChangeBreakdown.of(payment.change(), settings.denominations());
        String announcement = switch (payment.tender()) {
            case CASH -> "收您" + payment.received().toPlainString() + "元，找您" + payment.change().toPlainString() + "元"
                    + (payment.rounding().isZero() ? "" : "（抹零" + payment.rounding().toPlainString() + "元）");
            case CARD -> "银行卡收款" + payment.applied().toPlainString() + "元";
            case CHECK -> "支票收款" + payment.applied().toPlainString() + "元，款项到账后提货";
            case MOBILE -> ("ALIPAY".equals(payment.channel()) ? "支付宝" : "微信支付") + "收款" + payment.applied().toPlainString() + "元";
            case EXCHANGE -> "换货抵扣" + payment.applied().toPlainString() + "元";
        };
        return new TenderResult(payment, breakdown, announcement, sale);
    }

    // --- hold and recall --------------------------------------------------------------------------------

    /** 挂单 at the sale's own counter: the sale keeps its state and waits; holding a held sale changes nothing. */
    public Sale hold(String saleId, Caller caller) {
        Sale sale = atOwnCounter(saleId, caller, "hold the sale");
        if (!sale.isHeld()) {
            requireNoPendingCharge(sale, "be held");
        }
        if (sale.hold(clock.instant())) {
            audit.record(AuditEvent.SALE_HELD, AuditLog.Who.of(caller), saleId, null,
                    sale.status() + " sale of " + sale.total().toPlainString() + " put on hold at " + sale.terminalId());
        }
        return sale;
    }

    /**
     * 取单 at the counter that held it, or by a store manager at any counter of the store (the
     * counter that held it may be down); recalling a sale that is not held changes nothing.
     */
    public Sale recall(String saleId, Caller caller) {
        Sale sale = atOwnCounter(saleId, caller, "recall the sale", true);
        Optional<Instant> heldAt = sale.heldAt();
        if (sale.recall()) {
            audit.record(AuditEvent.SALE_RECALLED, AuditLog.Who.of(caller), saleId, null,
                    "recalled at " + sale.terminalId() + ", held since " + heldAt.orElseThrow());
        }
        return sale;
    }

    /** The sales held at a terminal of this store, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Sale> held(String terminalId) {
        return sales.held(terminalId);
    }

    /** The sales of a business day (optionally of one terminal), newest first, at most {@code limit}. */
    @Transactional(TxType.SUPPORTS)
    public List<Sale> ofDay(LocalDate day, Optional<String> terminalId, int limit) {
        return sales.ofDay(day, terminalId, limit);
    }

    // --- pick-up, farewell ---------------------------------------------------------------------------

    /** 取货、打包: the goods checked off line by line against the paid sale. */
    public Sale pack(String saleId, Map<String, BigDecimal> countedByLine, Caller caller) {
        Sale sale = sales.getForUpdate(saleId);
        if (sale.status() == SaleStatus.PACKED) {
            return sale;
        }
        sale.pack(countedByLine, clock.instant());
        audit.record(AuditEvent.SALE_PACKED, AuditLog.Who.of(caller), saleId, sale.slipNumber().map(n -> slipOf(sale).code()).orElse(saleId),
                "every line checked off against the goods");
        return sale;
    }

    /** Farewell: the sale is completed and its event for HQ is recorded in the same transaction. */
    public Sale complete(String saleId, Caller caller) {
        Sale sale = sales.getForUpdate(saleId);
        if (sale.completedAt().isPresent()) {
            return sale;
        }
        finish(sale, clock.instant());
        audit.record(AuditEvent.SALE_COMPLETED, AuditLog.Who.of(caller), saleId, sale.slipNumber().map(n -> slipOf(sale).code()).orElse(saleId),
                "handed over; the sale's event for HQ is queued");
        return sale;
    }

    /** Completes the sale and records its event for HQ in the caller's transaction. */
    void finish(Sale sale, Instant now) {
        sale.complete(now);
        outbox.record(StoreEvent.of(UUID.randomUUID(), completedEvent(sale)));
    }

    /** The same for a sale about to be written whole: its event joins the rows written with it. */
    void finish(Sale sale, Instant now, RowBatch rows) {
        sale.complete(now);
        outbox.record(StoreEvent.of(UUID.randomUUID(), completedEvent(sale)), rows);
    }

    // --- rules -------------------------------------------------------------------------------------------

    /**
     * A cashier may deepen a line's discount (line and order discount together) up to the limit;
     * beyond it, only with a manager. Reducing a discount never needs one.
     */
    private boolean raisesAboveLimit(BigDecimal before, BigDecimal after) {
        return after.compareTo(before) > 0 && Pricing.percent(after).compareTo(settings.cashierDiscountLimit()) > 0;
    }

    private void auditDiscount(Sale sale, SaleLine line, Optional<String> approvalId, Caller caller) {
        BigDecimal percent = Pricing.percent(line.discountRate());
        String together = Pricing.percent(Pricing.combined(line.discountRate(), sale.orderDiscountRate()))
                .setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        AuditLog.Who who = approvals.use(approvalId, ApprovalAction.DISCOUNT, sale.id(), caller,
                "a discount of " + percent.toPlainString() + " % (" + together + " % with the order discount) is above the limit of "
                        + settings.cashierDiscountLimit().stripTrailingZeros().toPlainString() + " %");
        audit.record(AuditEvent.DISCOUNT, who, sale.id(), line.sku(),
                "line " + line.lineNo() + " discounted " + percent.toPlainString() + " % (" + together + " % with the order discount)");
    }

    /**
     * The sale locked for a step of the order and checkout, which only the counter that opened it
     * takes: another terminal's request is a conflict. Pick-up, invoices and deliveries may be
     * handled at any counter of the store.
     */
    private Sale atOwnCounter(String saleId, Caller caller, String attempted) {
        return atOwnCounter(saleId, caller, attempted, false);
    }

    /** The same; with {@code managerAnywhere} a store manager may do it from any counter (the sale's counter may be down). */
    private Sale atOwnCounter(String saleId, Caller caller, String attempted, boolean managerAnywhere) {
        Sale sale = sales.getForUpdate(saleId);
        if (!sale.terminalId().equals(caller.terminalId()) && !(managerAnywhere && caller.has(Role.STORE_MANAGER))) {
            throw new SaleAtOtherTerminalException(saleId, sale.terminalId(), caller.terminalId(), attempted);
        }
        return sale;
    }

    private void requireOwnTerminal(String terminalId, Caller caller) {
        if (!terminalId.equals(caller.terminalId())) {
            throw new SaleRuleException("wrong-terminal", "Wrong terminal",
                    "you are logged in at " + caller.terminalId() + ", not at " + terminalId);
        }
    }

    /** The quantity asked, with what other lines of the sale already hold, must be on hand (unless the store sells below zero). */
    private void requireStock(Sale sale, String sku, BigDecimal quantity, BigDecimal onHand, Optional<String> changedLine) {
        if (settings.allowNegativeStock()) {
            return;
        }
        BigDecimal onOtherLines = sale.activeLines().stream()
                .filter(l -> l.sku().equals(sku) && changedLine.map(id -> !id.equals(l.id())).orElse(true))
                .map(SaleLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal available = onHand.subtract(onOtherLines);
        if (quantity.compareTo(available) > 0) {
            throw new InsufficientStockException(sku, available);
        }
    }

    LocalDate businessDate(Instant at) {
        return at.atZone(settings.zone()).toLocalDate();
    }

    static SoldItem soldItem(Product product) {
        Product.Description d = product.description();
        return new SoldItem(product.sku(), product.barcode(), d.name(), d.brand(), d.model(), d.spec(), d.colour(), d.unit(),
                product.price(), product.vatRate());
    }

    private SaleCompleted completedEvent(Sale sale) {
        List<SaleCompleted.Line> lines = sale.activeLines().stream()
                .map(l -> new SaleCompleted.Line(UUID.fromString(l.id()), l.sku(), l.quantity().stripTrailingZeros().toPlainString(),
                        l.unitPrice().toPlainString(), l.amount().toPlainString(), l.vatRate().stripTrailingZeros().toPlainString()))
                .toList();
        Money tax = sale.activeLines().stream().map(l -> Taxes.taxIn(l.amount(), l.vatRate(), settings.rounding()))
                .reduce(Money.zero(sale.currency()), Money::plus);
        List<SaleCompleted.Tender> tenders = sale.payments().stream()
                .filter(p -> !p.isBounced())
                .map(p -> new SaleCompleted.Tender(p.tender().name(), p.applied().toPlainString()))
                .toList();
        return new SaleCompleted(UUID.fromString(sale.id()), sale.terminalId(), sale.cashierCode(), sale.associateCode().orElse(null),
                sale.slipNumber().orElse(null),
                sale.completedAt().orElseThrow(), sale.businessDate(), sale.currency().getCurrencyCode(),
                sale.total().toPlainString(), tax.toPlainString(), lines, tenders);
    }
}
