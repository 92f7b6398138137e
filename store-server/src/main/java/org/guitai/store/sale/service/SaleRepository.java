package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.guitai.platform.persistence.GaplessNumbers;
import org.guitai.platform.persistence.InstantConverter;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.RejectedNote;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleLine;
import org.guitai.store.sale.domain.SaleNotFoundException;

@ApplicationScoped
public class SaleRepository {

    private static final RowBatch.Table SALE = RowBatch.table("sale", List.of("id", "terminal_id", "shift_id", "cashier_code", "associate_code", "origin", "customer_id",
            "status", "currency", "order_discount_rate", "total", "paid", "slip_number", "business_date", "opened_at", "confirmed_at", "paid_at", "packed_at",
            "completed_at", "cancelled_at", "goods_taken_at", "version"));
    private static final RowBatch.Table LINE = RowBatch.table("sale_line", List.of("id", "sale_id", "line_no", "sku", "barcode", "name",
            "brand", "model", "spec", "colour", "unit", "quantity", "list_price", "base_price", "discount_rate", "unit_price", "amount", "vat_rate", "voided",
            "voided_at", "voided_by"));
    private static final RowBatch.Table PAYMENT = RowBatch.table("payment", List.of("id", "sale_id", "seq", "tender", "currency", "received",
            "applied", "change_given", "rounding", "staff_code", "created_at", "auth_code", "last4", "terminal_reference", "check_number", "bank", "channel", "transaction_id"));
    private static final RowBatch.Table CASH_COUNT = RowBatch.table("payment_cash_count", List.of("payment_id", "denomination", "count"));
    private static final RowBatch.Table REJECTED_NOTE = RowBatch.table("rejected_note",
            List.of("payment_id", "position", "denomination", "serial", "reason"));
    /** The version JPA gives a row it inserts. */
    private static final long FIRST_VERSION = 1;

    @PersistenceContext(unitName = "store")
    EntityManager em;

    public Optional<Sale> find(String id) {
        return Optional.ofNullable(em.find(Sale.class, id));
    }

    public Sale get(String id) {
        return find(id).orElseThrow(() -> new SaleNotFoundException("id " + id));
    }

    /** The sale locked until the transaction ends: two terminals changing one sale take turns. */
    /** Whether the sale's paid slip was printed before. */
    public boolean slipPrinted(String saleId) {
        return ((Number) em.createNativeQuery("select count(*) from slip_first_print where sale_id = ?1").setParameter(1, saleId)
                .getSingleResult()).longValue() > 0;
    }

    /** The first print of the sale's paid slip: when, by whom, where, and whether it was a copy. */
    public void recordFirstPrint(String saleId, boolean asCopy, Instant at, String staffCode, String terminalId) {
        em.createNativeQuery("insert into slip_first_print (sale_id, printed_at, as_copy, printed_by, terminal_id) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, saleId).setParameter(2, InstantConverter.utc(at)).setParameter(3, asCopy).setParameter(4, staffCode)
                .setParameter(5, terminalId).executeUpdate();
    }

    public Sale getForUpdate(String id) {
        return Optional.ofNullable(em.find(Sale.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new SaleNotFoundException("id " + id));
    }

    public Optional<Sale> findBySlip(long slipNumber) {
        return em.createQuery("select s from Sale s where s.slipNumber = :slip", Sale.class)
                .setParameter("slip", slipNumber)
                .getResultStream().findFirst();
    }

    /** The sales held at the terminal, oldest first. */
    public List<Sale> held(String terminalId) {
        return withLinesAndPayments(em.createQuery("select s from Sale s where s.terminalId = :terminal and s.heldAt is not null "
                + "order by s.heldAt, s.id", Sale.class).setParameter("terminal", terminalId).setMaxResults(500)).getResultList();
    }

    /** The sales of a business day, optionally of one terminal, newest first, at most {@code limit}. */
    public List<Sale> ofDay(java.time.LocalDate day, Optional<String> terminalId, int limit) {
        var query = em.createQuery("select s from Sale s where s.businessDate = :day"
                + terminalId.map(t -> " and s.terminalId = :terminal").orElse("") + " order by s.openedAt desc, s.id desc", Sale.class)
                .setParameter("day", day).setMaxResults(limit);
        terminalId.ifPresent(t -> query.setParameter("terminal", t));
        return withLinesAndPayments(query).getResultList();
    }

    /** Reads the sales' lines and tenders in a query each for the whole list, instead of one per sale. */
    private static jakarta.persistence.TypedQuery<Sale> withLinesAndPayments(jakarta.persistence.TypedQuery<Sale> query) {
        return query.setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "s.lines")
                .setHint("eclipselink.batch", "s.payments")
                .setHint("eclipselink.batch", "s.payments.clearance");
    }

    public void add(Sale sale) {
        em.persist(sale);
        em.flush();
    }

    /**
     * A new sale with its lines and tenders, as a submitted document brings it (paid or waiting for a
     * check; nothing packed, cancelled, voided or decided), as rows of {@code rows}, which the caller
     * writes with what else belongs to the same commit in one round trip ({@link #write}). They are
     * the rows JPA writes for these entities, which read and change them as usual (CounterRulesIT
     * compares them); the sale's id, and each line's and payment's, is its primary key.
     */
    public void add(Sale sale, RowBatch rows) {
        // what a submitted document is: nothing packed, cancelled, voided or decided yet (the columns say so below)
        if (sale.packedAt().isPresent() || sale.cancelledAt().isPresent() || sale.lines().stream().anyMatch(SaleLine::isVoided)
                || sale.payments().stream().anyMatch(p -> p.clearance().isPresent())) {
            throw new IllegalStateException("sale " + sale.id() + " is not as a document brings it: write it through JPA");
        }
        rows.insert(SALE, sale.id(), sale.terminalId(), sale.shiftId(), sale.cashierCode(), sale.associateCode().orElse(null), sale.origin(), sale.customerId(), sale.status(),
                sale.currency().getCurrencyCode(), sale.orderDiscountRate(), sale.total().amount(), sale.paid().amount(),
                sale.slipNumber().orElse(null), sale.businessDate(), sale.openedAt(), sale.confirmedAt().orElse(null),
                sale.paidAt().orElse(null), null, sale.completedAt().orElse(null), null, sale.goodsTakenAt().orElse(null), FIRST_VERSION);
        List<List<Object>> lines = new ArrayList<>();
        for (SaleLine l : sale.lines()) {
            var item = l.item();
            lines.add(Arrays.asList(l.id(), sale.id(), l.lineNo(), l.sku(), item.barcode(), item.name(), item.brand(), item.model(),
                    item.spec(), item.colour(), item.unit(), l.quantity(), l.listPrice().amount(), l.basePrice().amount(), l.discountRate(),
                    l.unitPrice().amount(), l.amount().amount(), l.vatRate(), false, null, null));
        }
        rows.insertRows(LINE, lines);
        List<List<Object>> payments = new ArrayList<>();
        List<List<Object>> counts = new ArrayList<>();
        List<List<Object>> rejected = new ArrayList<>();
        for (Payment p : sale.payments()) {
            payments.add(Arrays.asList(p.id(), sale.id(), p.seq(), p.tender(), p.received().currency().getCurrencyCode(),
                    p.received().amount(), p.applied().amount(), p.change().amount(), p.rounding().amount(), p.staffCode(), p.createdAt(),
                    p.authCode(), p.last4(), p.terminalReference(), p.checkNumber(), p.bank(), p.channel(), p.transactionId()));
            for (NoteCount c : p.counted()) {
                counts.add(List.of(p.id(), c.denomination(), c.count()));
            }
            List<RejectedNote> notes = p.rejected();
            for (int position = 0; position < notes.size(); position++) {
                RejectedNote n = notes.get(position);
                rejected.add(List.of(p.id(), position, n.denomination(), n.serial(), n.reason()));
            }
        }
        rows.insertRows(PAYMENT, payments);
        rows.insertRows(CASH_COUNT, counts);
        rows.insertRows(REJECTED_NOTE, rejected);
    }

    /** Writes the rows in this transaction, in one round trip, after what JPA holds for it. */
    public void write(RowBatch rows) {
        rows.execute(em);
    }

    /** The next number of a gapless sequence, taken under a row lock in the caller's transaction. */
    public long nextNumber(String counter) {
        return GaplessNumbers.next(em, counter);
    }

    /** A check taken and not yet decided, with where and for which sale. */
    public record PendingCheck(String saleId, String paymentId, Long slipNumber, String terminalId, java.math.BigDecimal amount, String checkNumber,
                               String bank, java.time.Instant takenAt) {
    }

    /** The checks awaiting clearance, oldest first. */
    public List<PendingCheck> pendingChecks() {
        return org.guitai.platform.persistence.SqlQuery.list(em, "select p.sale_id, p.id, s.slip_number, s.terminal_id, p.applied, p.check_number, "
                + "p.bank, p.created_at from payment p join sale s on s.id = p.sale_id left join check_clearance k on k.payment_id = p.id "
                + "where p.tender = 'CHECK' and k.payment_id is null order by p.created_at limit 500",
                r -> new PendingCheck(r.string("sale_id"), r.string("id"), r.number("slip_number") == 0 ? null : r.number("slip_number"),
                        r.string("terminal_id"), r.decimal("applied"), r.string("check_number"), r.string("bank"), r.instant("created_at")));
    }

    /** Sends what the transaction has changed so far, so that what follows holds its locks briefly. */
    /** True when any payment of the store has this id. */
    public boolean paymentExists(String paymentId) {
        return em.createQuery("select count(p) from Payment p where p.id = :id", Long.class).setParameter("id", paymentId).getSingleResult() > 0;
    }

    public void flush() {
        em.flush();
    }
}
