package org.guitai.store.shift.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.platform.persistence.OnceById;
import org.guitai.platform.security.Caller;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.approval.service.Approvals;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.shift.domain.CashMovement;
import org.guitai.store.shift.domain.DrawerCount;
import org.guitai.store.shift.domain.ErrorLevel;
import org.guitai.store.shift.domain.Ledger;
import org.guitai.store.shift.domain.LedgerItem;
import org.guitai.store.shift.domain.Shift;
import org.guitai.store.shift.domain.ShiftNotFoundException;
import org.guitai.store.shift.domain.ShiftRuleException;
import org.guitai.store.shift.domain.ShiftStateException;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.terminal.service.TerminalStates;

/**
 * The cash office: opening a shift with its float, posting to its ledger as the counter works,
 * moving cash, and closing it with a blind count. A terminal has one open shift at a time (the
 * database's key on the open terminal decides a race); a closed shift never changes (its row is
 * guarded by a trigger).
 */
@ApplicationScoped
@Transactional
public class Shifts {

    @Inject
    ShiftRepository shifts;

    @Inject
    Approvals approvals;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    @Inject
    TerminalStates terminals;

    /** The close as recorded, with the shift as it now stands. */
    public record Closed(Shift shift, List<CashMovement> movements) {
    }

    /**
     * Opens a shift at the caller's terminal with the float counted by denomination; repeating the
     * id answers the same shift.
     */
    @OnceById
    public Shift open(String shiftId, String terminalId, List<Map.Entry<BigDecimal, BigDecimal>> floatCount, Caller caller) {
        caller.require("opening a shift", Role.CASHIER, Role.STORE_MANAGER);
        Optional<Shift> existing = shifts.find(shiftId);
        if (existing.isPresent()) {
            if (!existing.get().terminalId().equals(terminalId)) {
                throw new IdConflictException("shift", shiftId);
            }
            return shifts.withCounts(existing.get());
        }
        if (!terminalId.equals(caller.terminalId())) {
            throw new ShiftRuleException("wrong-terminal", "Wrong terminal", "you are logged in at " + caller.terminalId() + ", not at " + terminalId
                    + ": a shift is opened at its own terminal, where its float is counted");
        }
        Optional<Shift> open = shifts.openAt(terminalId);
        if (open.isPresent()) {
            throw new ShiftStateException("shift-already-open", "A shift is open", "terminal " + terminalId + " already has shift " + open.get().id()
                    + ", opened by " + open.get().openedBy() + " at " + open.get().openedAt() + ": close it first",
                    Map.of("shiftId", open.get().id()));
        }
        DrawerCount counted = DrawerCount.of(floatCount, settings.denominations(), "opening float");
        Instant now = clock.instant();
        Shift shift = new Shift(shiftId, terminalId, caller.staffCode(), Shift.Status.OPEN, settings.currency(), now.atZone(settings.zone()).toLocalDate(),
                now, counted.total(), counted, Ledger.empty(), Optional.empty());
        shifts.insert(shift);
        audit.record(AuditEvent.SHIFT_OPENED, AuditLog.Who.of(caller), null, shiftId,
                "shift opened at " + terminalId + " with a float of " + counted.total().toPlainString());
        return shift;
    }

    /** Read in a transaction: its plain SQL runs on the transaction's connection. */
    public Shift get(String shiftId) {
        return shifts.find(shiftId).map(shifts::withCounts).orElseThrow(() -> new ShiftNotFoundException(shiftId));
    }

    /**
     * The shift for its X or Z report: a store manager reads any; anyone else (the cashier) only a
     * shift of the terminal they are logged in at (403 otherwise).
     */
    public Shift forReport(String shiftId, Caller caller) {
        Shift shift = get(shiftId);
        if (!caller.has(Role.STORE_MANAGER) && !shift.terminalId().equals(caller.terminalId())) {
            caller.require("reading the report of another terminal's shift", Role.STORE_MANAGER);
        }
        return shift;
    }

    /** Read in a transaction: its plain SQL runs on the transaction's connection. */
    public List<Shift> list(Optional<Shift.Status> status, Optional<LocalDate> day, Optional<String> terminalId) {
        return shifts.list(status, day, terminalId);
    }

    /** Read in a transaction: its plain SQL runs on the transaction's connection. */
    public Optional<Shift> openAt(String terminalId) {
        return shifts.openAt(terminalId);
    }

    /** Read in a transaction: its plain SQL runs on the transaction's connection. */
    public List<CashMovement> movements(String shiftId) {
        return shifts.movements(shiftId);
    }

    // --- for the counter ------------------------------------------------------------------------------

    /**
     * The open shift of the terminal a sale is opened at, held open until the caller's transaction
     * ends (a close waits for it and then sees the sale).
     *
     * @throws ShiftStateException no-open-shift
     */
    @Transactional(TxType.MANDATORY)
    public String shiftForNewSale(String terminalId) {
        return shifts.openIdAtShared(terminalId).orElseThrow(() -> ShiftStateException.noOpenShift(terminalId, "sell"));
    }

    /**
     * The terminal's open shift as it stands, for a sale submitted whole. Its posting, in the sale's
     * own round trip, requires the shift still open: a close in between fails the submission, which
     * the terminal sends again.
     */
    @Transactional(TxType.MANDATORY)
    public String shiftForDocument(String terminalId) {
        return shifts.openIdAt(terminalId).orElseThrow(() -> ShiftStateException.noOpenShift(terminalId, "record a sale"));
    }

    /**
     * Adds a posting to the shift's ledger in the caller's transaction. When that shift has closed
     * meanwhile (a check that bounced after the close is paid again), the posting goes to the
     * terminal's open shift.
     *
     * @return the id of the shift it went to
     * @throws ShiftStateException no-open-shift when neither is open
     */
    @Transactional(TxType.MANDATORY)
    public String post(String shiftId, String terminalId, Ledger posting) {
        if (shiftId != null && shifts.post(shiftId, posting)) {
            return shiftId;
        }
        String open = shifts.openAt(terminalId).map(Shift::id).orElseThrow(() -> ShiftStateException.noOpenShift(terminalId, "take money"));
        if (!shifts.post(open, posting)) {
            throw ShiftStateException.noOpenShift(terminalId, "take money");
        }
        return open;
    }

    /**
     * Adds a posting to the ledger of the shift a sale submitted whole was found in, with the rows
     * of that sale: in their round trip, after the stock and the slip number, as at the counter.
     */
    @Transactional(TxType.MANDATORY)
    public void post(String shiftId, Ledger posting, RowBatch rows) {
        shifts.post(shiftId, posting, rows);
    }

    /**
     * The same for what is counted but moves no money (a sale's total, a void): where no shift is
     * open any more, the event stays in the sales records alone.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<String> postIfOpen(String shiftId, String terminalId, Ledger posting) {
        if (shiftId != null && shifts.post(shiftId, posting)) {
            return Optional.of(shiftId);
        }
        return shifts.openAt(terminalId).map(Shift::id).filter(open -> shifts.post(open, posting));
    }

    /**
     * A refund of a return given at {@code terminalId}, in the ledger of the shift open there. Cash
     * comes out of that drawer: without an open shift it is refused (409 no-open-shift), and so is
     * more cash than the drawer should hold (422 not-enough-cash). A refund to another tender goes
     * into the open shift's ledger if there is one.
     *
     * @return the shift it went to, if any
     */
    @Transactional(TxType.MANDATORY)
    public Optional<String> postRefund(String terminalId, Ledger posting) {
        BigDecimal cash = posting.get(LedgerItem.CASH_REFUNDS);
        if (cash.signum() == 0) {
            return shifts.openAt(terminalId).map(Shift::id).filter(open -> shifts.post(open, posting));
        }
        String openId = shifts.openIdAt(terminalId).orElseThrow(() -> ShiftStateException.noOpenShift(terminalId, "pay out a cash refund"));
        Shift shift = shifts.findForUpdate(openId).filter(Shift::isOpen)
                .orElseThrow(() -> ShiftStateException.noOpenShift(terminalId, "pay out a cash refund"));
        if (cash.compareTo(shift.expectedCash()) > 0) {
            throw new ShiftRuleException("not-enough-cash", "Not enough cash in the drawer", "the drawer should hold "
                    + shift.expectedCash().toPlainString() + ": it cannot give " + cash.toPlainString(),
                    Map.of("expectedCash", shift.expectedCash().toPlainString()));
        }
        if (!shifts.post(openId, posting)) {
            throw ShiftStateException.noOpenShift(terminalId, "pay out a cash refund");
        }
        return Optional.of(openId);
    }

    /** A no-sale drawer opening at the caller's terminal, recorded against its open shift. */
    @Transactional(TxType.MANDATORY)
    public String recordNoSale(String terminalId) {
        String open = shifts.openAt(terminalId).map(Shift::id).orElseThrow(() -> ShiftStateException.noOpenShift(terminalId, "open the drawer"));
        if (!shifts.post(open, Ledger.empty().plus(LedgerItem.NO_SALES, 1))) {
            throw ShiftStateException.noOpenShift(terminalId, "open the drawer");
        }
        return open;
    }

    // --- cash office ----------------------------------------------------------------------------------

    /**
     * A drop to the safe, a pay-in or a pay-out, with its reason; types the store puts under a
     * manager use up a CASH_MOVEMENT approval for the shift. Cash cannot leave a drawer that does not
     * hold it. Repeating the id answers the first movement.
     */
    @OnceById
    public CashMovement moveCash(String shiftId, String movementId, CashMovement.Type type, BigDecimal amount, String reason,
                                 Optional<String> approvalId, Caller caller) {
        caller.require("moving cash", Role.CASHIER, Role.STORE_MANAGER);
        Optional<CashMovement> repeated = shifts.movement(movementId);
        if (repeated.isPresent()) {
            CashMovement first = repeated.get();
            if (!first.shiftId().equals(shiftId) || first.type() != type || first.amount().compareTo(amount) != 0) {
                throw new IdConflictException("cash movement", movementId);
            }
            return first;
        }
        Shift shift = shifts.findForUpdate(shiftId).orElseThrow(() -> new ShiftNotFoundException(shiftId));
        requireOpen(shift);
        requireOwnOrManager(shift, caller, "move cash");
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > shift.currency().getDefaultFractionDigits()) {
            throw new ShiftRuleException("bad-amount", "Bad amount", "a cash movement is a positive amount in whole fen, not " + amount.toPlainString());
        }
        if (type.takesCash() && amount.compareTo(shift.expectedCash()) > 0) {
            throw new ShiftRuleException("not-enough-cash", "Not enough cash in the drawer", "the drawer should hold "
                    + shift.expectedCash().toPlainString() + ": it cannot give " + amount.toPlainString(),
                    Map.of("expectedCash", shift.expectedCash().toPlainString()));
        }
        AuditLog.Who who = settings.movementsNeedingApproval().contains(type.name())
                ? approvals.use(approvalId, ApprovalAction.CASH_MOVEMENT, shiftId, caller, "a " + type + " of " + amount.toPlainString() + " needs a manager")
                : AuditLog.Who.of(caller);
        CashMovement movement = new CashMovement(movementId, shiftId, type, amount.setScale(2), reason, caller.staffCode(),
                Optional.ofNullable(who.approvedBy()), clock.instant());
        shifts.addMovement(movement, shift.currency().getCurrencyCode());
        if (!shifts.post(shiftId, movement.posting())) {
            throw ShiftStateException.closed(shiftId);
        }
        audit.record(AuditEvent.CASH_MOVED, who, null, shiftId, type + " of " + amount.toPlainString() + ": " + reason);
        return movement;
    }

    /**
     * Closes the shift with the drawer counted blind by denomination: the expected cash is worked
     * out from the ledger only now, the difference graded (the n-th violation of the cashier's
     * calendar year at least LEVEL_2 from the third and LEVEL_3 from the fifth) and, beyond the
     * authorised limit, accepted by a manager's CASH_DIFFERENCE approval for this shift. Sales the
     * customer is still paying for keep the shift open, and so do sales its terminal last reported
     * as made but not yet sent. A second close is refused.
     */
    public Shift close(String shiftId, List<Map.Entry<BigDecimal, BigDecimal>> counted, Optional<String> approvalId, Caller caller) {
        caller.require("closing a shift", Role.CASHIER, Role.STORE_MANAGER);
        Shift shift = shifts.findForUpdate(shiftId).orElseThrow(() -> new ShiftNotFoundException(shiftId));
        requireOpen(shift);
        requireOwnOrManager(shift, caller, "close the shift");
        DrawerCount count = DrawerCount.of(counted, settings.denominations(), "count of the drawer");
        List<String> unfinished = shifts.unfinishedSales(shiftId);
        if (!unfinished.isEmpty()) {
            throw new ShiftStateException("unfinished-sales", "Sales still open", "finish or cancel the sales of this shift first: "
                    + String.join(", ", unfinished), Map.of("sales", unfinished));
        }
        // sales the terminal made offline and has not sent belong in this ledger: counting the drawer without them is wrong
        int unsent = terminals.pendingAt(shift.terminalId());
        if (unsent > 0) {
            throw new ShiftStateException("unsynced-sales", "Sales not yet sent", "terminal " + shift.terminalId() + " last reported "
                    + unsent + (unsent == 1 ? " sale" : " sales") + " not yet sent to the store: let it send them before the shift is closed",
                    Map.of("terminalId", shift.terminalId(), "pendingDocuments", unsent));
        }
        BigDecimal expected = shift.expectedCash();
        BigDecimal countedCash = count.total();
        BigDecimal difference = countedCash.subtract(expected);
        Optional<String> approvedBy = Optional.empty();
        AuditLog.Who who = AuditLog.Who.of(caller);
        if (difference.abs().compareTo(settings.cashDifferenceLimit()) > 0) {
            who = approvals.use(approvalId, ApprovalAction.CASH_DIFFERENCE, shiftId, caller,
                    "the count differs from the expected cash by more than " + settings.cashDifferenceLimit().toPlainString());
            approvedBy = Optional.of(who.approvedBy());
        }
        int year = shift.businessDate().getYear();
        ErrorLevel level = ErrorLevel.of(difference);
        int violationNumber = 0;
        if (level.isViolation()) {
            violationNumber = shifts.violations(shift.openedBy(), year) + 1;
            level = ErrorLevel.of(difference, violationNumber);
        }
        Shift.Close close = new Shift.Close(clock.instant(), caller.staffCode(), count, expected, countedCash, difference, level, approvedBy);
        shifts.close(shift, close, violationNumber);
        audit.record(AuditEvent.SHIFT_CLOSED, who, null, shiftId, "counted " + countedCash.toPlainString() + ", expected " + expected.toPlainString()
                + ", difference " + difference.toPlainString() + " (" + level + (level.isViolation() ? ", violation " + violationNumber
                + " of " + year + " for " + shift.openedBy() : "") + ")");
        return get(shiftId);
    }

    private static void requireOpen(Shift shift) {
        if (!shift.isOpen()) {
            throw ShiftStateException.closed(shift.id());
        }
    }

    /** The cashier works their own shift at its terminal; a store manager may act on any shift. */
    private static void requireOwnOrManager(Shift shift, Caller caller, String attempted) {
        if (caller.has(Role.STORE_MANAGER)) {
            return;
        }
        if (!shift.terminalId().equals(caller.terminalId())) {
            throw new ShiftStateException("shift-at-other-terminal", "Shift at another terminal", "shift " + shift.id() + " belongs to terminal "
                    + shift.terminalId() + "; you are at " + caller.terminalId() + ": only a store manager may " + attempted + " from here",
                    Map.of("terminalId", shift.terminalId()));
        }
    }
}
