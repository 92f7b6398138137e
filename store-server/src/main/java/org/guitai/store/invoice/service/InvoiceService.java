package org.guitai.store.invoice.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.Sale;
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
        forSale(saleId).stream().filter(i -> i.status() == Invoice.Status.ISSUED).findFirst().ifPresent(valid -> {
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

    /** 作废 with a manager's VOID_INVOICE approval for the invoice's sale; the number stays used. */
    public Invoice voidInvoice(String number, String reason, Optional<String> approvalId, Caller caller) {
        Invoice invoice = Optional.ofNullable(em.find(Invoice.class, number, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new InvoiceNotFoundException(number));
        if (invoice.voidRecord().filter(v -> approvalId.isPresent() && approvalId.get().equals(v.approvalId())).isPresent()) {
            return invoice;
        }
        invoice.requireIssued();
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
