package org.guitai.store.invoice.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.GaplessNumbers;
import org.guitai.platform.persistence.OnceById;
import org.guitai.platform.security.Caller;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.approval.service.Approvals;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.invoice.domain.Invoice;
import org.guitai.store.invoice.domain.InvoiceDraft;
import org.guitai.store.invoice.domain.InvoiceNotFoundException;
import org.guitai.store.invoice.domain.InvoiceRuleException;
import org.guitai.store.invoice.domain.RedLetterLine;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleLine;
import org.guitai.store.sale.domain.SaleStateException;
import org.guitai.store.sale.domain.SaleStatus;
import org.guitai.store.sale.domain.SoldItem;
import org.guitai.store.sale.service.SaleRepository;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.service.StaffDirectory;

/**
 * Issuing and voiding invoices. The number is taken from the store's invoice counter under a row
 * lock in the issuing transaction, as its last step: an invoice that is not issued takes no
 * number, two invoices never share one, and concurrent issuing yields consecutive numbers.
 * Red-letter invoices (红字发票) of returns take their numbers from the same counter.
 */
@ApplicationScoped
@Transactional
public class InvoiceService {

    public static final String COUNTER = "invoice";

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    SaleRepository sales;

    @Inject
    StaffDirectory staff;

    @Inject
    Approvals approvals;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    @OnceById
    public Invoice issue(String requestId, String saleId, InvoiceDraft.Buyer buyer, Caller caller) {
        caller.require("issuing invoices", Role.CASHIER, Role.STORE_MANAGER);
        // the sale's lock first: whoever issues for this sale after us sees our invoice
        Sale sale = sales.getForUpdate(saleId);
        Optional<Invoice> repeated = byRequest(requestId);
        if (repeated.isPresent()) {
            if (!repeated.get().saleId().equals(saleId)) {
                throw new IdConflictException("invoice request", requestId);
            }
            return repeated.get();
        }
        if (!EnumSet.of(SaleStatus.PAID, SaleStatus.PACKED, SaleStatus.COMPLETED).contains(sale.status())) {
            throw new SaleStateException(saleId, sale.status(), "be invoiced before it is paid");
        }
        forSale(saleId).stream().filter(i -> i.kind() == Invoice.Kind.NORMAL && i.status() == Invoice.Status.ISSUED).findFirst().ifPresent(valid -> {
            throw new InvoiceRuleException("invoice-exists", 409, "Invoice already issued",
                    "sale " + saleId + " already has invoice " + valid.number() + ": void it before issuing another",
                    Map.of("number", valid.number(), "state", valid.status().name()));
        });
        Instant now = clock.instant();
        List<InvoiceDraft.Line> lines = sale.activeLines().stream().map(l -> {
            SoldItem item = l.item();
            return new InvoiceDraft.Line(item.name(), item.brand(), item.model(), item.spec(), item.colour(), item.unit(), l.quantity(),
                    l.unitPrice(), l.amount(), l.vatRate());
        }).toList();
        String payee = sale.payments().stream().filter(p -> !p.isBounced()).map(Payment::staffCode).findFirst().orElse(sale.cashierCode());
        InvoiceDraft draft = new InvoiceDraft(requestId, saleId, sale.businessDate(), now.atZone(settings.zone()).toLocalDate(), buyer,
                lines, sale.total(), staff.fullName(caller.staffCode()), staff.fullName(payee));
        // a dry run of the rules first, so a refused invoice never takes the counter's lock
        Invoice.issue(draft, "", 0, settings.rounding(), now);
        long seq = GaplessNumbers.next(em, COUNTER);
        Invoice invoice = Invoice.issue(draft, number(seq), seq, settings.rounding(), now);
        em.persist(invoice);
        return invoice;
    }

    /**
     * The red-letter invoice (红字发票) of a refunded return whose sale was invoiced: the next number of the invoice counter,
     * citing the original, which is not changed. Called by the returns in their refunding transaction; one per return (a
     * second call for the same return answers the first invoice).
     *
     * @param lines the returned lines: quantity returned and amount refunded (VAT included), both positive
     * @throws InvoiceNotFoundException (404) when no invoice has that number
     * @throws InvoiceRuleException (409) when the original is void or red-letter itself, or the lines would take back more
     *         than the original has not been red-lettered for yet
     */
    public Invoice issueRedLetter(String returnId, String originalInvoiceNumber, List<RedLetterLine> lines, Caller caller) {
        caller.require("issuing red-letter invoices", Role.CASHIER, Role.STORE_MANAGER);
        // the original's lock first: red-letter invoices of one original are issued one after the other
        Invoice original = Optional.ofNullable(em.find(Invoice.class, originalInvoiceNumber, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new InvoiceNotFoundException(originalInvoiceNumber));
        Optional<Invoice> repeated = byReturn(returnId);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        Map<String, SoldItem> items = sales.get(original.saleId()).lines().stream()
                .collect(Collectors.toMap(SaleLine::id, SaleLine::item, (a, b) -> a));
        lines.stream().filter(l -> !items.containsKey(l.saleLineId())).findFirst().ifPresent(l -> {
            throw new IllegalArgumentException("sale line " + l.saleLineId() + " is not a line of sale " + original.saleId());
        });
        Money already = redLettersOf(originalInvoiceNumber).stream().filter(i -> i.status() == Invoice.Status.ISSUED)
                .map(i -> i.total().negate()).reduce(Money.zero(original.currency()), Money::plus);
        Instant now = clock.instant();
        String requestId = UUID.nameUUIDFromBytes(("red-letter:" + returnId).getBytes(StandardCharsets.UTF_8)).toString();
        String name = staff.fullName(caller.staffCode());
        Function<Long, Invoice> issue = seq -> original.redLetter(requestId, returnId, lines, items, already,
                now.atZone(settings.zone()).toLocalDate(), name, name, seq == 0 ? "" : number(seq), seq, settings.rounding(), now);
        // a dry run of the rules first, so a refused red-letter invoice never takes the counter's lock
        issue.apply(0L);
        long seq = GaplessNumbers.next(em, COUNTER);
        Invoice red = issue.apply(seq);
        em.persist(red);
        return red;
    }

    /** The red-letter invoices that cite an invoice, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Invoice> redLettersOf(String originalNumber) {
        return em.createQuery("select i from Invoice i where i.originalNumber = :number order by i.seq", Invoice.class)
                .setParameter("number", originalNumber).getResultList();
    }

    /** The red-letter invoice of a return, once issued. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Invoice> byReturn(String returnId) {
        return em.createQuery("select i from Invoice i where i.returnId = :id", Invoice.class)
                .setParameter("id", returnId).getResultStream().findFirst();
    }

    /** 作废 with a manager's VOID_INVOICE approval for the invoice's sale; the number stays used. */
    public Invoice voidInvoice(String number, String reason, Optional<String> approvalId, Caller caller) {
        Invoice invoice = Optional.ofNullable(em.find(Invoice.class, number, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new InvoiceNotFoundException(number));
        if (invoice.voidRecord().filter(v -> approvalId.isPresent() && approvalId.get().equals(v.approvalId())).isPresent()) {
            return invoice;
        }
        invoice.requireIssued();
        invoice.requireNotRedLettered(redLettersOf(number));
        AuditLog.Who who = approvals.use(approvalId, ApprovalAction.VOID_INVOICE, invoice.saleId(), caller, "voiding invoice " + number);
        em.persist(invoice.voidWith(reason, approvalId.orElseThrow(), caller.staffCode(), clock.instant()));
        audit.record(AuditEvent.INVOICE_VOIDED, who, invoice.saleId(), number, "invoice " + number + " voided: " + reason);
        return invoice;
    }

    @Transactional(TxType.SUPPORTS)
    public Invoice get(String number) {
        return Optional.ofNullable(em.find(Invoice.class, number)).orElseThrow(() -> new InvoiceNotFoundException(number));
    }

    @Transactional(TxType.SUPPORTS)
    public List<Invoice> forSale(String saleId) {
        return em.createQuery("select i from Invoice i where i.saleId = :sale order by i.seq", Invoice.class)
                .setParameter("sale", saleId).getResultList();
    }

    private Optional<Invoice> byRequest(String requestId) {
        return em.createQuery("select i from Invoice i where i.requestId = :id", Invoice.class)
                .setParameter("id", requestId).getResultStream().findFirst();
    }

    private String number(long seq) {
        return settings.storeId() + "-" + String.format("%08d", seq);
    }
}
