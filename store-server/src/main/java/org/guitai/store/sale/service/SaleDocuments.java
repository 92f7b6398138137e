package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.guitai.kernel.problem.PosException;
import org.guitai.platform.persistence.DuplicateKeys;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.ForbiddenException;
import org.guitai.platform.security.NotAuthenticatedException;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.catalog.service.CatalogService;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleOrigin;
import org.guitai.store.sale.domain.SaleRuleException;
import org.guitai.store.sale.domain.SaleStatus;
import org.guitai.store.shift.domain.Ledger;
import org.guitai.store.shift.service.Shifts;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.service.StaffDirectory;

/**
 * A whole finished sale submitted as one document: the way a terminal replays the sales it made
 * while the store server was out of reach, and the fast path of a self-contained sale. The
 * document is checked with exactly the counter's rules (stock, approvals, the cash checks, card
 * numbers) in one transaction: it is recorded completely or not at all, and once per sale id (the
 * sale's primary key decides; a replay is answered with the sale recorded the first time).
 */
@ApplicationScoped
public class SaleDocuments {

    /** How far a terminal's clock may run ahead of the store's. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public record Document(String saleId, String terminalId, Optional<String> cashierCode, Optional<String> associateCode, Instant createdAt,
                           Optional<String> customerId,
                           List<SaleService.LineOrder> lines, Optional<BigDecimal> orderDiscountPercent,
                           Optional<String> orderDiscountApproval, List<SaleService.Tendered> payments) {
    }

    /** The sale, and whether this submission recorded it (false: it was there already). */
    public record Submitted(Sale sale, boolean created) {
    }

    @Inject
    SaleService sales;

    @Inject
    SaleRepository repository;

    @Inject
    CatalogService catalog;

    @Inject
    StaffDirectory staff;

    @Inject
    AuditLog audit;

    @Inject
    Shifts shifts;

    @Inject
    Clock clock;

    @Inject
    SaleDocuments self;

    /**
     * Records the document once: 201 the first time; a replay (the same id again, maybe racing its
     * first copy) is answered with the sale recorded under its id, even when a rule would now
     * refuse it (the stock, a price or an approval has moved on since, maybe used up by that very
     * sale); an id another sale took is a conflict; whoever may not submit sales is not shown one,
     * nor is a terminal another terminal's.
     */
    public Submitted submitOnce(Document document, Caller caller) {
        if (caller.isTerminal() && !document.terminalId().equals(caller.terminalId())) {
            throw new ForbiddenException("terminal " + caller.terminalId() + " signs its own sales, not terminal " + document.terminalId() + "'s");
        }
        // no transaction of its own (called from a resource, it runs in none): each try below has one
        try {
            return self.submit(document, caller);
        } catch (ForbiddenException | NotAuthenticatedException refused) {
            throw refused;
        } catch (PosException refused) {
            return self.recorded(document.saleId(), document.terminalId()).orElseThrow(() -> refused);
        } catch (RuntimeException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return self.replayed(document.saleId(), document.terminalId());
            }
            throw e;
        }
    }

    /** Checks the document with every rule of the counter and records it, in one transaction. */
    @Transactional
    public Submitted submit(Document document, Caller caller) {
        if (!caller.isTerminal()) {
            caller.require("submitting sales", Role.CASHIER, Role.STORE_MANAGER);
        }
        Instant now = clock.instant();
        if (document.createdAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new SaleRuleException("document-in-future", "Sale from the future",
                    "the sale was created at " + document.createdAt() + ", later than now (" + now + "): check the terminal's clock");
        }
        if (document.payments().stream().anyMatch(SaleService.Mobile.class::isInstance)) {
            throw new SaleRuleException("mobile-in-document", "Mobile payments are charged at the counter",
                    "a mobile payment is charged through the store's payment gateway (POST /api/sales/{id}/payments), not submitted in a document");
        }
        if (document.lines().isEmpty()) {
            throw new SaleRuleException("document-incomplete", "Incomplete sale", "a sale document needs lines");
        }
        Caller seller = seller(document, caller);
        Sale sale = sales.newDocumentSale(document.saleId(), document.terminalId(), document.customerId(), document.associateCode(), seller,
                document.createdAt());
        Map<String, CatalogService.Item> items = catalog.items(
                document.lines().stream().flatMap(l -> l.barcode().stream()).collect(Collectors.toSet()),
                document.lines().stream().flatMap(l -> l.sku().stream()).collect(Collectors.toSet()), document.createdAt());
        for (SaleService.LineOrder line : document.lines()) {
            sales.placeLine(sale, line, items.get(line.barcode().or(line::sku).orElseThrow()), seller);
        }
        if (document.orderDiscountPercent().isPresent()) {
            sales.applyOrderDiscount(sale, document.orderDiscountPercent().get(), document.orderDiscountApproval(), seller);
        }
        sale.confirm(now);
        Ledger posting = Ledger.empty();
        for (SaleService.Tendered tendered : document.payments()) {
            posting = posting.plus(SaleService.tenderPosting(sales.tender(sale, tendered, seller, now).payment()));
        }
        if (!sale.due().isZero()) {
            throw new SaleRuleException("document-unpaid", "Sale not paid",
                    "the payments leave " + sale.due().toPlainString() + " due on a total of " + sale.total().toPlainString(),
                    Map.of("due", sale.due().toPlainString()));
        }
        sales.settle(sale, now);
        RowBatch rows = new RowBatch();
        if (sale.status() == SaleStatus.PAID) {
            sales.finish(sale, now, rows);
        }
        // the sale, its lines, tenders and event, then its shift's ledger and its day's totals, in one round trip after
        // the stock and the slip number, as at the counter: the slip counter is held only for it and the commit;
        // a replay (or a race with its first copy) fails on the sale's key here, before the totals, and is answered by replayed()
        repository.add(sale, rows);
        shifts.post(sale.shiftId(), posting.plus(sales.salePosting(sale, false)), rows);
        sales.recordPaid(sale, rows);
        // who vouches for the sale goes in the same round trip (a terminal replaying its queue sends one such sale after another)
        if (caller.isTerminal()) {
            audit.record(AuditEvent.SALE_ATTESTED_BY_TERMINAL, AuditLog.Who.of(seller.staffCode(), caller.terminalId()), sale.id(),
                    seller.staffCode(), "terminal " + caller.terminalId() + " signed the document and attested that " + seller.staffCode()
                            + " made the sale at " + document.createdAt(), rows);
        } else if (!seller.equals(caller)) {
            audit.record(AuditEvent.SALE_SUBMITTED_FOR, AuditLog.Who.of(caller), sale.id(),
                    seller.staffCode(), caller.staffCode() + " submitted the sale " + seller.staffCode() + " made at " + document.terminalId(), rows);
        }
        repository.write(rows);
        return new Submitted(sale, true);
    }

    /** The answer to a document whose sale id is taken, when two submissions raced. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Submitted replayed(String saleId, String terminalId) {
        // no such sale: the key that was taken is a line's or a payment's id, used by another sale
        return replayed(repository.find(saleId).orElseThrow(() -> new IdConflictException("line or payment", "of sale " + saleId)), terminalId);
    }

    /**
     * The sale a document of this terminal recorded under this id, if there is one by now.
     *
     * @throws IdConflictException when the id is another sale's (built at the counter, or another terminal's document)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Submitted> recorded(String saleId, String terminalId) {
        return repository.find(saleId).map(s -> replayed(s, terminalId));
    }

    /**
     * The sale recorded for this id, as it stands now (its check may have cleared, its goods been
     * packed), when it was submitted by this terminal; a sale built at the counter or another
     * terminal's under the same id is a conflict.
     */
    private static Submitted replayed(Sale recorded, String terminalId) {
        if (recorded.origin() != SaleOrigin.DOCUMENT || !recorded.terminalId().equals(terminalId)) {
            throw new IdConflictException("sale", recorded.id());
        }
        return new Submitted(recorded, false);
    }

    /**
     * Who made the sale: the cashier the document names (a terminal replays sales made offline by
     * whoever was logged in then, possibly not who is logged in now), else the caller. A document
     * the terminal signed itself must name its cashier: the terminal's word is all there is for it.
     */
    private Caller seller(Document document, Caller caller) {
        if (caller.isTerminal() && document.cashierCode().isEmpty()) {
            throw new SaleRuleException("document-incomplete", "Incomplete sale",
                    "a document a terminal signs names the cashier who made the sale (cashierCode)");
        }
        if (!caller.isTerminal() && (document.cashierCode().isEmpty() || document.cashierCode().get().equals(caller.staffCode()))) {
            return caller;
        }
        if (!document.terminalId().equals(caller.terminalId())) {
            throw new SaleRuleException("wrong-terminal", "Wrong terminal",
                    "you are logged in at " + caller.terminalId() + ", not at " + document.terminalId());
        }
        String code = document.cashierCode().get();
        Caller seller = staff.activeAt(code, document.terminalId()).orElseThrow(() -> new SaleRuleException("unknown-cashier", "Unknown cashier",
                "the sale names cashier " + code + ", who is not active staff of this store"));
        if (!seller.has(Role.CASHIER) && !seller.has(Role.STORE_MANAGER)) {
            throw new SaleRuleException("unknown-cashier", "Unknown cashier", "the sale names " + code + ", who does not take payments");
        }
        return seller;
    }
}
