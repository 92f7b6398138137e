package org.guitai.store.returns.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guitai.kernel.contract.ReturnCompleted;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.kernel.money.CashRounding;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.OnceById;
import org.guitai.platform.security.Caller;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.approval.service.Approvals;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.catalog.service.CatalogService;
import org.guitai.store.invoice.domain.Invoice;
import org.guitai.store.invoice.domain.RedLetterLine;
import org.guitai.store.invoice.service.InvoiceService;
import org.guitai.store.mobile.domain.MobilePaymentsOffException;
import org.guitai.store.mobile.domain.RefundRefusedException;
import org.guitai.store.mobile.service.MobileCharges;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.report.domain.DayFigure;
import org.guitai.store.report.service.DayTotals;
import org.guitai.store.returns.domain.Disposition;
import org.guitai.store.returns.domain.ProRata;
import org.guitai.store.returns.domain.Refund;
import org.guitai.store.returns.domain.RefundPlan;
import org.guitai.store.returns.domain.RefundTender;
import org.guitai.store.returns.domain.ReturnLine;
import org.guitai.store.returns.domain.ReturnPolicy;
import org.guitai.store.returns.domain.ReturnReason;
import org.guitai.store.returns.domain.ReturnRuleException;
import org.guitai.store.returns.domain.ReturnStateException;
import org.guitai.store.returns.domain.ReturnStatus;
import org.guitai.store.returns.domain.SaleReturn;
import org.guitai.store.returns.domain.WorkingDays;
import org.guitai.store.sale.domain.CheckClearance;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleLine;
import org.guitai.store.sale.domain.SaleNotFoundException;
import org.guitai.store.sale.domain.SaleStatus;
import org.guitai.store.sale.domain.Tender;
import org.guitai.store.sale.service.SaleService;
import org.guitai.store.shift.domain.Ledger;
import org.guitai.store.shift.domain.LedgerItem;
import org.guitai.store.shift.service.Shifts;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.service.StaffDirectory;
import org.guitai.store.sync.service.Outbox;

/**
 * The use cases of returns, each in one transaction. What a sale may still give back is read with
 * the sale's row locked, so two returns of the last unit take turns and the second is refused (409
 * over-return). Creates are idempotent on the client's id, and so are approve (per approval), receive
 * (the stock changes once per line) and refunds (per refund id). A return is taken at any counter
 * of the store; its refunds go into the ledger of the shift open at the counter that pays them out.
 */
@ApplicationScoped
@Transactional
public class Returns {

    /** The states a sale can be returned in: paid, with its goods handed over or not. */
    private static final Set<SaleStatus> RETURNABLE = EnumSet.of(SaleStatus.PAID, SaleStatus.PACKED, SaleStatus.COMPLETED);
    private static final int LIST_LIMIT = 500;

    @Inject
    ReturnRepository returns;

    @Inject
    SaleService sales;

    @Inject
    CatalogService catalog;

    @Inject
    Approvals approvals;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Shifts shifts;

    @Inject
    DayTotals dayTotals;

    @Inject
    StaffDirectory staff;

    @Inject
    InvoiceService invoices;

    @Inject
    MobileCharges mobile;

    @Inject
    ProviderRefunds providerRefunds;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    /** Which sale: by id, by slip code or number, or by invoice number. */
    public record SaleRef(Optional<String> saleId, Optional<String> slipNumber, Optional<String> invoiceNumber) {
    }

    /** A line to return: the original sale line and how many units. */
    public record LineRequest(String saleLineId, BigDecimal quantity) {
    }

    /** A line as received: how many and what became of them. */
    public record Received(String saleLineId, BigDecimal quantity, Disposition disposition) {
    }

    /** A refund as the counter hands it over. */
    public record RefundRequest(String id, RefundTender tender, Optional<Money> amount, List<NoteCount> counted, Optional<String> reversalReference,
                                Optional<String> exchangeSaleId) {
    }

    /** A return with what is worked out from it: its slip code, what is still to refund and in what order, its deadline. */
    public record Detail(SaleReturn saleReturn, String slipCode, List<RefundPlan.Step> plan, Optional<LocalDate> refundDeadline, boolean overdue,
                         CashRounding cashRefunds) {

        /** What the drawer pays out for a step: a cash step rounded down to the drawer's smallest piece, any other step nothing. */
        public Optional<Money> payOut(RefundPlan.Step step) {
            return step.tender() == RefundTender.CASH ? Optional.of(cashRefunds.apply(step.amount())) : Optional.empty();
        }
    }

    /** What of a sale can still be returned. */
    public record Returnable(Sale sale, String slipCode, Optional<String> invoiceNumber, LocalDate changeOfMindUntil, List<ReturnableLine> lines,
                             List<PaidTender> payments) {
    }

    public record ReturnableLine(SaleLine line, BigDecimal returned, BigDecimal returnable, Money refundable) {
    }

    public record PaidTender(String paymentId, Tender tender, Money amount) {
    }

    // --- find ----------------------------------------------------------------------------------------

    /** What of the sale can still come back, line by line, and what it would refund. */
    public Returnable returnable(SaleRef ref, Caller caller) {
        caller.require("taking returns", Role.CASHIER, Role.STORE_MANAGER);
        Sale sale = sales.get(saleIdOf(ref));
        requireReturnable(sale);
        Map<String, BigDecimal> returned = returns.returnedBySaleLine(sale.id());
        Map<String, Money> paid = linePaid(sale);
        List<ReturnableLine> lines = new ArrayList<>();
        for (SaleLine line : sale.activeLines()) {
            BigDecimal back = returned.getOrDefault(line.id(), BigDecimal.ZERO);
            BigDecimal left = line.quantity().subtract(back);
            Money refundable = left.signum() > 0 ? ProRata.refund(paid.get(line.id()), line.quantity(), back, left) : Money.zero(sale.currency());
            lines.add(new ReturnableLine(line, back, left, refundable));
        }
        List<PaidTender> tenders = sale.payments().stream().filter(p -> !p.isBounced())
                .map(p -> new PaidTender(p.id(), p.tender(), paidBy(p))).toList();
        return new Returnable(sale, sales.slipOf(sale).code(), validInvoice(sale.id()).map(Invoice::number),
                policy().changeOfMindUntil(sale.businessDate()), lines, tenders);
    }

    /** Read in a transaction: the plan's plain SQL runs on the transaction's connection. */
    public Detail get(String returnId, Caller caller) {
        caller.require("reading returns", Role.CASHIER, Role.STORE_MANAGER);
        return detail(returns.get(returnId));
    }

    /** A return slip to print: the return as it stands, and whether this print is a copy (副本). */
    public record SlipPrint(Detail detail, boolean copy) {
    }

    /**
     * The return slip (退货单), once something is refunded. Once the return is REFUNDED the first print
     * is the original, every later print (and any asked for as a copy) is a copy, audited as
     * RETURN_SLIP_REPRINTED; a print before (PARTLY_REFUNDED) shows what is still due and uses up no
     * original. The return's row lock orders two first prints at once.
     *
     * @throws ReturnStateException before anything is refunded
     */
    public SlipPrint printSlip(String returnId, boolean copyAsked, Caller caller) {
        caller.require("printing a return slip", Role.CASHIER, Role.STORE_MANAGER);
        SaleReturn saleReturn = returns.getForUpdate(returnId);
        saleReturn.requireSlip();
        if (saleReturn.status() != ReturnStatus.REFUNDED) {
            // an interim slip of what went back so far: it uses up no original, the refunded return's slip is still to print
            return new SlipPrint(detail(saleReturn), copyAsked);
        }
        boolean first = !returns.slipPrinted(returnId);
        if (first) {
            returns.recordFirstPrint(returnId, copyAsked, clock.instant(), caller.staffCode(), caller.terminalId());
        }
        Detail detail = detail(saleReturn);
        if (first && !copyAsked) {
            return new SlipPrint(detail, false);
        }
        audit.record(AuditEvent.RETURN_SLIP_REPRINTED, AuditLog.Who.of(caller), saleReturn.saleId(), returnNumber(saleReturn),
                "return slip " + returnNumber(saleReturn) + " printed again as a copy (副本)");
        return new SlipPrint(detail, true);
    }

    /** Returns newest first, optionally in one state, optionally only the overdue ones. */
    public List<Detail> list(Optional<ReturnStatus> status, boolean overdueOnly, Caller caller) {
        caller.require("reading returns", Role.CASHIER, Role.STORE_MANAGER);
        List<ReturnStatus> statuses = status.map(List::of)
                .orElse(overdueOnly ? List.of(ReturnStatus.RECEIVED, ReturnStatus.PARTLY_REFUNDED) : List.of());
        if (overdueOnly) {
            // longest overdue first
            return returns.listReceivedLongestAgoFirst(statuses, LIST_LIMIT).stream().map(this::detail).filter(Detail::overdue).toList();
        }
        return returns.list(statuses, LIST_LIMIT).stream().map(this::detail).toList();
    }

    // --- request -------------------------------------------------------------------------------------

    /**
     * A return of lines of a paid sale, at any counter of the store. Each line is refunded its share of
     * what was paid for it (pro rata, to the fen); a change of mind only within the store's window; a
     * staff error names the responsible member; more than the line still has is refused (409 over-return).
     */
    @OnceById
    public Detail request(String returnId, SaleRef ref, List<LineRequest> lines, ReturnReason reason, Optional<String> responsibleStaff,
                          Caller caller) {
        caller.require("taking returns", Role.CASHIER, Role.STORE_MANAGER);
        String saleId = saleIdOf(ref);
        Optional<SaleReturn> repeated = returns.find(returnId);
        if (repeated.isPresent()) {
            return repeated(repeated.get(), saleId, lines, reason, responsibleStaff);
        }
        Sale sale = sales.lockForReturn(saleId);
        // a retry that waited on the sale's lock behind its first request answers what the first made
        Optional<SaleReturn> madeMeanwhile = returns.find(returnId);
        if (madeMeanwhile.isPresent()) {
            return repeated(madeMeanwhile.get(), saleId, lines, reason, responsibleStaff);
        }
        requireReturnable(sale);
        Instant now = clock.instant();
        LocalDate today = today(now);
        policy().requireWithinWindow(reason, sale.businessDate(), today);
        if (responsibleStaff.isPresent() && !staff.isActive(responsibleStaff.get())) {
            throw new ReturnRuleException("unknown-staff", 422, "Unknown staff member",
                    responsibleStaff.get() + " is not active staff of this store: a staff error is attributed to one",
                    Map.of("responsibleStaff", responsibleStaff.get()));
        }
        Map<String, BigDecimal> returned = returns.returnedBySaleLine(saleId);
        Map<String, Money> paid = linePaid(sale);
        Set<String> seen = new HashSet<>();
        List<ReturnLine.Draft> drafts = new ArrayList<>();
        for (LineRequest asked : lines) {
            if (!seen.add(asked.saleLineId())) {
                throw new ReturnRuleException("invalid-return", 422, "Invalid return", "line " + asked.saleLineId() + " is named twice");
            }
            SaleLine line = sale.activeLines().stream().filter(l -> l.id().equals(asked.saleLineId())).findFirst()
                    .orElseThrow(() -> new SaleNotFoundException("line " + asked.saleLineId() + " on sale " + saleId));
            if (asked.quantity().signum() <= 0) {
                throw new ReturnRuleException("invalid-quantity", 422, "Invalid quantity",
                        "a returned line needs a positive quantity, not " + asked.quantity().toPlainString());
            }
            BigDecimal back = returned.getOrDefault(line.id(), BigDecimal.ZERO);
            BigDecimal left = line.quantity().subtract(back);
            if (asked.quantity().compareTo(left) > 0) {
                throw new ReturnRuleException("over-return", 409, "More than can be returned",
                        "line " + line.lineNo() + " (" + line.sku() + ") sold " + plain(line.quantity()) + ", " + plain(back)
                                + " returned already: at most " + plain(left) + " can come back, not " + plain(asked.quantity()),
                        Map.of("saleLineId", line.id(), "returnable", plain(left)));
            }
            Money refund = ProRata.refund(paid.get(line.id()), line.quantity(), back, asked.quantity());
            drafts.add(new ReturnLine.Draft(line.id(), line.sku(), line.item().barcode(), line.item().name(), line.item().spec(), asked.quantity(),
                    line.unitPrice(), refund));
        }
        if (drafts.stream().map(ReturnLine.Draft::amount).allMatch(Money::isZero)) {
            throw new ReturnRuleException("nothing-to-refund", 422, "Nothing to refund",
                    "the lines returned were paid nothing (a free item): take them back as a stock correction, not as a return");
        }
        // a dry run of the return's own rules first, so a refused return never takes the counter's lock; the number last
        SaleReturn.request(returnId, 0, saleId, reason, responsibleStaff, caller.terminalId(), caller.staffCode(),
                sale.currency(), drafts, policy()::approvalsNeeded, now, today);
        SaleReturn saleReturn = SaleReturn.request(returnId, returns.nextNumber(), saleId, reason, responsibleStaff, caller.terminalId(), caller.staffCode(),
                sale.currency(), drafts, policy()::approvalsNeeded, now, today);
        returns.add(saleReturn);
        audit.record(AuditEvent.RETURN_REQUESTED, AuditLog.Who.of(caller), saleId, returnNumber(saleReturn),
                "return " + returnNumber(saleReturn) + " of " + saleReturn.amount().toPlainString() + " (" + reason
                        + responsibleStaff.map(s -> ", attributed to " + s).orElse("") + ") needs " + saleReturn.approvalsNeeded() + " approval(s)");
        return detail(saleReturn);
    }

    /** A repeated request answers the return it made; the same id with another sale, lines or reason is 409 id-conflict. */
    private Detail repeated(SaleReturn made, String saleId, List<LineRequest> lines, ReturnReason reason, Optional<String> responsibleStaff) {
        Map<String, BigDecimal> asked = new HashMap<>();
        lines.forEach(l -> asked.merge(l.saleLineId(), l.quantity(), BigDecimal::add));
        boolean sameLines = asked.size() == made.lines().size() && made.lines().stream()
                .allMatch(l -> asked.containsKey(l.saleLineId()) && asked.get(l.saleLineId()).compareTo(l.quantity()) == 0);
        if (!made.saleId().equals(saleId) || !sameLines || made.reason() != reason || !made.responsibleStaff().equals(responsibleStaff)) {
            throw new IdConflictException("return", made.id());
        }
        return detail(made);
    }

    // --- cancel --------------------------------------------------------------------------------------

    /**
     * Cancels a return whose goods were not received (REQUESTED or APPROVED), with the reason: its
     * units can be returned again. A repeat answers the cancelled return; once the goods are received
     * it is 409 return-state. Taken with the sale's row locked, as a new return of the sale is.
     */
    public Detail cancel(String returnId, String reason, Caller caller) {
        caller.require("taking returns", Role.CASHIER, Role.STORE_MANAGER);
        SaleReturn unlocked = returns.get(returnId);
        sales.lockForReturn(unlocked.saleId());
        SaleReturn saleReturn = returns.getForUpdate(returnId);
        if (saleReturn.cancel(reason.strip(), caller.staffCode(), clock.instant())) {
            audit.record(AuditEvent.RETURN_CANCELLED, AuditLog.Who.of(caller), saleReturn.saleId(), returnNumber(saleReturn),
                    "return " + returnNumber(saleReturn) + " of " + saleReturn.amount().toPlainString() + " cancelled: " + reason.strip());
        }
        return detail(saleReturn);
    }

    // --- approve -------------------------------------------------------------------------------------

    /**
     * What a manager is asked to approve (POST /api/approvals, action RETURN): a return that exists
     * (404 return-not-found) and waits for approval (409 return-state), named by number and amount.
     */
    public String toApprove(String returnId, Caller caller) {
        caller.require("taking returns", Role.CASHIER, Role.STORE_MANAGER);
        SaleReturn saleReturn = returns.get(returnId);
        if (saleReturn.status() != ReturnStatus.REQUESTED) {
            throw new ReturnStateException(returnId, saleReturn.status(), "be approved (needs [REQUESTED])");
        }
        return "return " + returnNumber(saleReturn) + " of " + saleReturn.amount().toPlainString();
    }

    /**
     * Uses a manager's RETURN approval for this return (given to the caller at the caller's counter).
     * APPROVED once enough different managers approved; the same manager twice is refused (409
     * second-approval-same-manager) and leaves the approval unused. Repeating an approval answers the return.
     */
    public Detail approve(String returnId, String approvalId, Caller caller) {
        caller.require("taking returns", Role.CASHIER, Role.STORE_MANAGER);
        SaleReturn saleReturn = returns.getForUpdate(returnId);
        if (saleReturn.hasApproval(approvalId)) {
            return detail(saleReturn);
        }
        AuditLog.Who who = approvals.use(Optional.of(approvalId), ApprovalAction.RETURN, returnId, caller,
                "return " + returnNumber(saleReturn) + " of " + saleReturn.amount().toPlainString());
        saleReturn.approve(approvalId, who.approvedBy(), clock.instant());
        audit.record(AuditEvent.RETURN_APPROVED, who, saleReturn.saleId(), returnNumber(saleReturn),
                "return " + returnNumber(saleReturn) + " approved by " + who.approvedBy() + " (" + saleReturn.approvals().size() + " of "
                        + saleReturn.approvalsNeeded() + ")");
        return detail(saleReturn);
    }

    // --- receive -------------------------------------------------------------------------------------

    /**
     * The goods are inspected: every line received whole, restocked or written off. The stock changes
     * once per restocked line; a repeated receive changes nothing and answers the return.
     */
    public Detail receive(String returnId, List<Received> lines, Caller caller) {
        caller.require("taking returns", Role.CASHIER, Role.STORE_MANAGER);
        SaleReturn saleReturn = returns.getForUpdate(returnId);
        Map<String, SaleReturn.Inspection> inspected = new LinkedHashMap<>();
        for (Received r : lines) {
            if (inspected.put(r.saleLineId(), new SaleReturn.Inspection(r.quantity(), r.disposition())) != null) {
                throw new ReturnRuleException("invalid-return", 422, "Invalid return", "line " + r.saleLineId() + " is named twice");
            }
        }
        Instant now = clock.instant();
        List<ReturnLine> received = saleReturn.receive(inspected, now);
        if (received.isEmpty()) {
            return detail(saleReturn);
        }
        Map<String, BigDecimal> restock = new LinkedHashMap<>();
        received.stream().filter(l -> l.disposition().orElseThrow() == Disposition.RESTOCK)
                .forEach(l -> restock.merge(l.sku(), l.quantity(), BigDecimal::add));
        if (!restock.isEmpty()) {
            catalog.putBack(restock, now);
        }
        audit.record(AuditEvent.RETURN_RECEIVED, AuditLog.Who.of(caller), saleReturn.saleId(), returnNumber(saleReturn),
                "return " + returnNumber(saleReturn) + " received: " + String.join(", ", received.stream()
                        .map(l -> l.sku() + " x " + plain(l.quantity()) + " " + l.disposition().orElseThrow()).toList()));
        return detail(saleReturn);
    }

    // --- refund --------------------------------------------------------------------------------------

    /**
     * Gives back money for a received return, to the original tenders in the plan's order (409
     * refund-order for another tender, 422 for more than the plan gives that tender). Cash comes out
     * of the drawer of the shift open at the caller's counter; a card is reversed with the reversal's
     * reference; a mobile payment is refunded through the payment gateway by its transaction id; a
     * check only once it cleared (409 check-not-cleared). When nothing is due any more the return is
     * REFUNDED: its event for HQ and its red-letter invoice are recorded in the same transaction.
     * Repeating a refund id answers the return as it is.
     */
    public Detail refund(String returnId, RefundRequest request, Caller caller) {
        caller.require("refunding returns", Role.CASHIER, Role.STORE_MANAGER);
        SaleReturn unlocked = returns.get(returnId);
        // the sale first, then the return, as a new return of the sale takes them: refunds of its returns take turns
        Sale sale = sales.lockForReturn(unlocked.saleId());
        SaleReturn saleReturn = returns.getForUpdate(returnId);
        Optional<Refund> repeated = saleReturn.refundById(request.id());
        if (repeated.isPresent()) {
            // the same id for another tender, amount or new sale is another refund
            if (repeated.get().tender() != request.tender()
                    || request.amount().filter(a -> a.amount().compareTo(repeated.get().amount().amount()) != 0).isPresent()
                    || request.exchangeSaleId().filter(id -> !repeated.get().exchangeSaleId().equals(Optional.of(id))).isPresent()) {
                throw new IdConflictException("refund", request.id());
            }
            return detail(saleReturn);
        }
        if (returns.refundExists(request.id())) {
            throw new IdConflictException("refund", request.id());
        }
        saleReturn.requireRefundable();
        if (saleReturn.due().isZero()) {
            // all went to exchanges whose new sales are not paid yet: completed when they are, owed again if cancelled
            throw new ReturnStateException(saleReturn.id(), saleReturn.status(), "be refunded: its credit waits for new sale "
                    + unpaidExchange(saleReturn).orElse("?") + " to be paid or cancelled");
        }
        if (request.tender() == RefundTender.EXCHANGE) {
            return exchange(sale, saleReturn, request, caller);
        }
        List<RefundPlan.Step> plan = plan(sale, saleReturn);
        RefundPlan.Step next = plan.get(0);
        if (next.tender() != request.tender()) {
            throw new ReturnRuleException("refund-order", 409, "Refund another tender first",
                    "the sale's tenders are refunded last paid first: next is " + next.amount().toPlainString() + " to " + next.tender()
                            + ", not " + request.tender(), Map.of("expectedTender", next.tender().name(), "amount", next.amount().toPlainString()));
        }
        Money amount = request.amount().orElse(next.amount());
        if (!amount.isPositive() || amount.isGreaterThan(next.amount())) {
            throw new ReturnRuleException("refund-too-much", 422, "Refund exceeds what the tender paid",
                    "at most " + next.amount().toPlainString() + " goes back to " + next.tender() + " now, not " + amount.toPlainString(),
                    Map.of("expectedTender", next.tender().name(), "amount", next.amount().toPlainString()));
        }
        Payment original = sale.payment(next.paymentId()).orElseThrow();
        Instant now = clock.instant();
        String reference = null;
        List<NoteCount> counted = List.of();
        Ledger posting;
        switch (request.tender()) {
            case CASH -> {
                // the drawer pays what its pieces can, rounded down (抹零, never more than was paid); the fen left are waived
                Money payOut = cashRefunds().apply(amount);
                counted = request.counted();
                requireCounted(counted, payOut);
                posting = Ledger.empty().plus(LedgerItem.CASH_REFUNDS, payOut.amount());
            }
            case CARD -> {
                reference = request.reversalReference().orElseThrow(() -> new ReturnRuleException("reversal-reference-required", 422,
                        "Card reversal reference needed", "a card refund is a reversal on the card terminal against authorisation "
                                + original.authCode() + ": give its reference (reversalReference)"));
                posting = Ledger.empty().plus(LedgerItem.CARD_REFUNDS, amount.amount());
            }
            case CHECK -> {
                boolean cleared = original.clearance().map(c -> c.outcome() == CheckClearance.Outcome.CLEARED).orElse(false);
                if (!cleared) {
                    throw new ReturnRuleException("check-not-cleared", 409, "The check has not cleared",
                            "check " + original.checkNumber() + " of " + original.bank() + " has not cleared: it is refunded only once its funds are in",
                            Map.of("paymentId", original.id()));
                }
                posting = Ledger.empty().plus(LedgerItem.CHECK_REFUNDS, amount.amount());
            }
            case MOBILE -> posting = Ledger.empty().plus(LedgerItem.MOBILE_REFUNDS, amount.amount());
            default -> throw new IllegalStateException("tender " + request.tender());
        }
        Optional<String> shiftId = shifts.postRefund(caller.terminalId(), posting);
        if (request.tender() == RefundTender.MOBILE) {
            // last, once everything else holds, under a request committed first: the provider refunds once per reference
            // (a repeat answers the first refund), and a request this transaction fails to settle is asked again as it was
            ProviderRefunds.Request asked = providerRefunds.ask(original.id(), saleReturn.id(), amount);
            try {
                reference = mobile.refund(asked.reference(), original.transactionId(), amount);
            } catch (RefundRefusedException | MobilePaymentsOffException refused) {
                // a definite no: nothing was refunded, nothing is pending
                providerRefunds.refused(asked);
                throw refused;
            }
            providerRefunds.settled(asked, request.id());
        }
        saleReturn.refund(new Refund.Draft(request.id(), request.tender(), amount, original.id(), reference, shiftId.orElse(null), null,
                counted, caller.staffCode(), caller.terminalId(), now), unpaidExchange(saleReturn).isPresent());
        List<DayFigure> figures = new ArrayList<>(List.of(DayFigure.of(DayFigure.Kind.REFUND, request.tender().name(), 1, amount.amount())));
        if (saleReturn.status() == ReturnStatus.REFUNDED) {
            figures.add(DayFigure.of(DayFigure.Kind.RETURN, "", 1, saleReturn.amount().amount()));
            completed(sale, saleReturn, caller, now);
        }
        dayTotals.post(today(now), figures);
        audit.record(AuditEvent.RETURN_REFUNDED, AuditLog.Who.of(caller), saleReturn.saleId(), returnNumber(saleReturn),
                amount.toPlainString() + " refunded to " + request.tender() + " for return " + returnNumber(saleReturn)
                        + (reference == null ? "" : " (" + reference + ")") + "; " + saleReturn.due().toPlainString() + " still due");
        return detail(saleReturn);
    }

    /**
     * 换货: the return's credit (all that is due, or what the new sale still owes if that is less) is
     * applied to a new sale at the caller's counter as an EXCHANGE tender; the new sale is confirmed
     * first if it is still open. What the new sale still owes is paid with normal tenders; what the
     * return is worth beyond it is refunded by the plan. The new sale gets its own slip when paid.
     */
    private Detail exchange(Sale sale, SaleReturn saleReturn, RefundRequest request, Caller caller) {
        String newSaleId = request.exchangeSaleId().orElseThrow(() -> new ReturnRuleException("exchange-sale-required", 422,
                "Which new sale?", "an exchange names the new sale the return's credit goes to (saleId)"));
        if (newSaleId.equals(sale.id())) {
            throw new ReturnRuleException("exchange-sale-required", 422, "Which new sale?", "the credit goes to a new sale, not to the returned one");
        }
        Sale newSale = sales.get(newSaleId);
        if (newSale.status() == SaleStatus.OPEN) {
            newSale = sales.confirm(newSaleId, caller);
        }
        if (newSale.status() != SaleStatus.CONFIRMED || !newSale.due().isPositive()) {
            throw new ReturnRuleException("exchange-sale-required", 422, "The new sale takes no credit",
                    "sale " + newSaleId + " is " + newSale.status() + " with " + newSale.due().toPlainString() + " due: the credit goes to an open "
                            + "or confirmed sale that still owes money", Map.of("state", newSale.status().name()));
        }
        Money credit = saleReturn.due().min(newSale.due());
        // the credit takes the plan's next step, at most, and is counted against that step's payment, as any refund is: a
        // later return of the sale never plans back to a tender more than it has left (a part the returned sale paid with an
        // earlier exchange's credit goes back only as credit again); what the return is worth beyond it goes by the plan
        RefundPlan.Step next = plan(sale, saleReturn).get(0);
        credit = credit.min(next.amount());
        String against = next.paymentId();
        SaleService.TenderResult paid = sales.pay(newSaleId, new SaleService.Exchange(request.id(), credit, saleReturn.id()), caller);
        Instant now = clock.instant();
        String reference = paid.sale().slipNumber().isPresent() ? sales.slipOf(paid.sale()).code() : null;
        // the return completes only once every new sale its credit went to is paid (this one may be paid by the credit already)
        saleReturn.refund(new Refund.Draft(request.id(), RefundTender.EXCHANGE, credit, against, reference, null, newSaleId, List.of(),
                caller.staffCode(), caller.terminalId(), now), unpaidExchange(saleReturn, newSaleId, paid.sale()).isPresent());
        List<DayFigure> figures = new ArrayList<>(List.of(DayFigure.of(DayFigure.Kind.REFUND, RefundTender.EXCHANGE.name(), 1, credit.amount())));
        if (saleReturn.status() == ReturnStatus.REFUNDED) {
            figures.add(DayFigure.of(DayFigure.Kind.RETURN, "", 1, saleReturn.amount().amount()));
            completed(sale, saleReturn, caller, now);
        }
        dayTotals.post(today(now), figures);
        audit.record(AuditEvent.RETURN_REFUNDED, AuditLog.Who.of(caller), saleReturn.saleId(), returnNumber(saleReturn),
                credit.toPlainString() + " of return " + returnNumber(saleReturn) + " credited to new sale " + newSaleId + " (exchange); "
                        + saleReturn.due().toPlainString() + " still due");
        return detail(saleReturn);
    }

    /** The return is refunded in full: its event for HQ in this transaction, and its red-letter invoice. */
    private void completed(Sale sale, SaleReturn saleReturn, Caller caller, Instant now) {
        List<ReturnCompleted.Line> lines = saleReturn.lines().stream().map(l -> new ReturnCompleted.Line(UUID.fromString(l.saleLineId()), l.sku(),
                plain(l.quantity()), l.amount().toPlainString(), l.disposition().map(Enum::name).orElse(null))).toList();
        List<ReturnCompleted.Refund> refunds = saleReturn.refunds().stream()
                .map(r -> new ReturnCompleted.Refund(r.tender().name(), r.amount().toPlainString())).toList();
        outbox.record(StoreEvent.of(UUID.randomUUID(), new ReturnCompleted(UUID.fromString(saleReturn.id()), UUID.fromString(sale.id()),
                saleReturn.terminalId(), saleReturn.cashierCode(), saleReturn.reason().name(), sale.associateCode().orElse(sale.cashierCode()),
                saleReturn.responsibleStaff().orElse(null), now, today(now), saleReturn.currency().getCurrencyCode(),
                saleReturn.refunded().toPlainString(), lines, refunds)));
        // 红字发票: a sale with a valid invoice gets a red-letter invoice for what the return refunded, citing it
        Optional<Invoice> original = validInvoice(sale.id());
        if (original.isPresent()) {
            List<RedLetterLine> returned = saleReturn.lines().stream().map(l -> new RedLetterLine(l.saleLineId(), l.name(), l.spec(), l.quantity(),
                    l.amount(), sale.line(l.saleLineId()).orElseThrow().vatRate())).toList();
            Invoice red = invoices.issueRedLetter(saleReturn.id(), original.get().number(), returned, caller);
            saleReturn.redLetterIssued(red.number());
        }
    }

    // --- exchanges' new sales -------------------------------------------------------------------------

    /** A new sale an exchange credited was paid: its return completes (event, red-letter invoice) if nothing else is owed. */
    void onSalePaid(@Observes SaleService.Paid paid) {
        for (String returnId : creditingReturns(paid.saleId())) {
            SaleReturn saleReturn = returns.getForUpdate(returnId);
            Instant now = clock.instant();
            if (unpaidExchange(saleReturn).isEmpty() && saleReturn.exchangePaid(now)) {
                completed(sales.get(saleReturn.saleId()), saleReturn, paid.caller(), now);
                dayTotals.post(today(now), List.of(DayFigure.of(DayFigure.Kind.RETURN, "", 1, saleReturn.amount().amount())));
                audit.record(AuditEvent.RETURN_REFUNDED, AuditLog.Who.of(paid.caller()), saleReturn.saleId(), returnNumber(saleReturn),
                        "return " + returnNumber(saleReturn) + " refunded: new sale " + paid.saleId() + " its credit went to is paid");
            }
        }
    }

    /** A new sale an exchange credited was cancelled: the credit goes back to its return, which owes it again. */
    void onSaleCancelled(@Observes SaleService.Cancelled cancelled) {
        for (String returnId : creditingReturns(cancelled.saleId())) {
            SaleReturn saleReturn = returns.getForUpdate(returnId);
            Set<String> reversed = new HashSet<>();
            saleReturn.refunds().stream().filter(r -> r.amount().isNegative()).forEach(r -> r.reference().ifPresent(reversed::add));
            List<Refund> credits = saleReturn.refunds().stream().filter(r -> r.tender() == RefundTender.EXCHANGE && r.amount().isPositive()
                    && r.exchangeSaleId().filter(cancelled.saleId()::equals).isPresent() && !reversed.contains(r.id())).toList();
            for (Refund credit : credits) {
                Instant now = clock.instant();
                saleReturn.reverseExchange(credit, UUID.nameUUIDFromBytes(("exchange-reversed:" + credit.id()).getBytes(StandardCharsets.UTF_8)).toString(),
                        cancelled.caller().staffCode(), cancelled.caller().terminalId(), now);
                dayTotals.post(today(now), List.of(DayFigure.of(DayFigure.Kind.REFUND, RefundTender.EXCHANGE.name(), 1, credit.amount().negate().amount())));
                audit.record(AuditEvent.RETURN_REFUNDED, AuditLog.Who.of(cancelled.caller()), saleReturn.saleId(), returnNumber(saleReturn),
                        credit.amount().toPlainString() + " of return " + returnNumber(saleReturn) + " given back: new sale " + cancelled.saleId()
                                + " was cancelled; " + saleReturn.due().toPlainString() + " due again");
            }
        }
    }

    /** The returns whose credit a sale took (its EXCHANGE payments). */
    private Set<String> creditingReturns(String saleId) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        sales.get(saleId).payments().stream().filter(p -> p.tender() == Tender.EXCHANGE && p.returnId() != null).forEach(p -> ids.add(p.returnId()));
        return ids;
    }

    /** A new sale the return's credit went to (and was not given back) that is not paid yet. */
    private Optional<String> unpaidExchange(SaleReturn saleReturn) {
        return unpaidExchange(saleReturn, null, null);
    }

    private Optional<String> unpaidExchange(SaleReturn saleReturn, String knownId, Sale known) {
        Map<String, Money> net = new LinkedHashMap<>();
        saleReturn.refunds().stream().filter(r -> r.tender() == RefundTender.EXCHANGE && r.exchangeSaleId().isPresent())
                .forEach(r -> net.merge(r.exchangeSaleId().get(), r.amount(), Money::plus));
        if (knownId != null) {
            net.putIfAbsent(knownId, Money.of(BigDecimal.ONE, saleReturn.currency()));
        }
        return net.entrySet().stream().filter(e -> e.getValue().isPositive())
                .map(Map.Entry::getKey)
                .filter(id -> !RETURNABLE.contains((id.equals(knownId) ? known : sales.get(id)).status()))
                .findFirst();
    }

    // --- rules ---------------------------------------------------------------------------------------

    /** The plan of what is still to refund: the sale's tenders last paid first, less what the sale's returns refunded against each. */
    private List<RefundPlan.Step> plan(Sale sale, SaleReturn saleReturn) {
        if (saleReturn.due().isZero()) {
            return List.of();
        }
        Map<String, BigDecimal> refunded = returns.refundedByPayment(sale.id());
        List<RefundPlan.Source> sources = sale.payments().stream().filter(p -> !p.isBounced())
                .map(p -> new RefundPlan.Source(p.id(), p.seq(), refundTender(p.tender()), paidBy(p),
                        Money.of(refunded.getOrDefault(p.id(), BigDecimal.ZERO), sale.currency())))
                .toList();
        return RefundPlan.of(sources, saleReturn.due());
    }

    private Detail detail(SaleReturn saleReturn) {
        Sale sale = sales.get(saleReturn.saleId());
        List<RefundPlan.Step> plan = EnumSet.of(ReturnStatus.REFUNDED, ReturnStatus.CANCELLED).contains(saleReturn.status()) ? List.of() : plan(sale, saleReturn);
        Optional<LocalDate> deadline = saleReturn.receivedAt().map(at -> policy().refundDeadline(today(at)));
        boolean overdue = saleReturn.receivedAt().isPresent()
                && policy().isOverdue(today(saleReturn.receivedAt().get()), saleReturn.status() == ReturnStatus.REFUNDED, today(clock.instant()));
        return new Detail(saleReturn, sales.slipOf(sale).code(), plan, deadline, overdue, cashRefunds());
    }

    /** What each active line of the sale was paid: its amount, less its share of the cash rounding the store waived. */
    private static Map<String, Money> linePaid(Sale sale) {
        Money waived = sale.payments().stream().filter(p -> !p.isBounced()).map(Payment::rounding).reduce(Money.zero(sale.currency()), Money::plus);
        List<SaleLine> lines = sale.activeLines();
        // cash rounded up (a negative waiver) paid the store more than the lines are worth: a return gives back their worth at most
        Money paid = waived.isNegative() ? sale.total() : sale.total().minus(waived);
        List<Money> shares = ProRata.linePaid(lines.stream().map(SaleLine::amount).toList(), paid);
        Map<String, Money> byLine = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            byLine.put(lines.get(i).id(), shares.get(i));
        }
        return byLine;
    }

    /**
     * The tender a payment is refunded to: itself. A return's credit (EXCHANGE) goes back only as credit
     * again (an exchange to another new sale), never as cash or to a card: the money behind it was paid
     * to the earlier sale's own tenders, which a cash refund here would bypass (a card purchase coming
     * back as cash). Asking for another tender at that step is 409 refund-order.
     */
    private static RefundTender refundTender(Tender tender) {
        return RefundTender.valueOf(tender.name());
    }

    /** What a tender paid towards the sale: cash received less change, others what they applied. */
    private static Money paidBy(Payment p) {
        return p.rounding().isNegative() ? p.applied() : p.applied().minus(p.rounding());
    }

    private void requireReturnable(Sale sale) {
        if (sale.status() == SaleStatus.AWAITING_CLEARANCE) {
            throw new ReturnRuleException("check-not-cleared", 409, "The check has not cleared",
                    "sale " + sale.id() + " waits for its check to clear: nothing of it is returned or refunded before its funds are in",
                    Map.of("state", sale.status().name()));
        }
        if (!RETURNABLE.contains(sale.status())) {
            throw new ReturnRuleException("sale-not-returnable", 409, "The sale cannot be returned",
                    "sale " + sale.id() + " is " + sale.status() + ": only a paid sale is returned", Map.of("state", sale.status().name()));
        }
    }

    private void requireCounted(List<NoteCount> counted, Money amount) {
        for (NoteCount piece : counted) {
            if (settings.denominations().stream().noneMatch(d -> d.compareTo(piece.denomination()) == 0)) {
                throw new ReturnRuleException("unknown-denomination", 422, "Unknown denomination",
                        piece.denomination().toPlainString() + " is not a denomination of " + settings.currency().getCurrencyCode());
            }
        }
        BigDecimal total = counted.stream().map(NoteCount::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(amount.amount()) != 0) {
            throw new ReturnRuleException("refund-count-mismatch", 422, "The pieces do not make the refund",
                    "the pieces counted out make " + total.toPlainString() + ", not the " + amount.toPlainString() + " refunded",
                    Map.of("counted", total.toPlainString(), "amount", amount.toPlainString()));
        }
    }

    private String saleIdOf(SaleRef ref) {
        int given = (ref.saleId().isPresent() ? 1 : 0) + (ref.slipNumber().isPresent() ? 1 : 0) + (ref.invoiceNumber().isPresent() ? 1 : 0);
        if (given != 1) {
            throw new ReturnRuleException("invalid-return", 422, "Which sale?", "name the sale by one of saleId, slipNumber or invoiceNumber");
        }
        if (ref.saleId().isPresent()) {
            return sales.get(ref.saleId().get()).id();
        }
        if (ref.slipNumber().isPresent()) {
            return sales.bySlipCodeOrNumber(ref.slipNumber().get()).id();
        }
        return invoices.get(ref.invoiceNumber().get().trim()).saleId();
    }

    private Optional<Invoice> validInvoice(String saleId) {
        return invoices.forSale(saleId).stream().filter(i -> i.kind() == Invoice.Kind.NORMAL && i.status() == Invoice.Status.ISSUED).findFirst();
    }

    /**
     * How a cash refund is paid out of the drawer: rounded down to the unit of the store's cash rounding
     * (its smallest piece), whatever the rounding of cash taken, so a refund never pays back more than was paid.
     */
    private CashRounding cashRefunds() {
        return new CashRounding(settings.cashRounding().unit(), RoundingMode.DOWN);
    }

    private ReturnPolicy policy() {
        return new ReturnPolicy(settings.changeOfMindDays(), settings.secondApprovalAbove(), settings.refundWorkingDays(),
                new WorkingDays(settings.holidays()));
    }

    private LocalDate today(Instant at) {
        return at.atZone(settings.zone()).toLocalDate();
    }

    /** The code on the return slip: R and the return's gapless number. */
    public static String returnNumber(SaleReturn r) {
        return "R" + String.format("%06d", r.number());
    }

    private static String plain(BigDecimal q) {
        BigDecimal p = q.stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString();
    }
}
