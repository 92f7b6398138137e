package org.guitai.hq.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import org.guitai.hq.ingest.domain.InboxEntry;
import org.guitai.hq.ingest.domain.ReturnFact;
import org.guitai.hq.ingest.domain.ReturnFactLine;
import org.guitai.hq.ingest.domain.ReturnFactRefund;
import org.guitai.hq.ingest.domain.ReturnFacts;
import org.guitai.hq.ingest.domain.SaleFact;
import org.guitai.hq.ingest.domain.SaleFactLine;
import org.guitai.hq.ingest.domain.SaleFacts;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.platform.persistence.RowBatch;

/**
 * Applies one store event: its inbox entry and its effects (a sale's or a return's facts) are written together,
 * in one transaction and one round trip, or not at all. Facts are plain rows, inserted once and
 * never changed, as an analytics engine could own them.
 */
@ApplicationScoped
public class InboxWriter {

    public enum Outcome {
        RECORDED,
        ALREADY_RECORDED
    }

    private static final RowBatch.Table INBOX = RowBatch.table("inbox",
            List.of("store_id", "event_id", "type", "occurred_at", "received_at"));
    private static final RowBatch.Table SALE = RowBatch.table("sale_fact", List.of("store_id", "sale_id", "event_id", "terminal_id",
            "cashier", "associate", "slip_number", "business_date", "completed_at", "currency", "total", "tax"));
    private static final RowBatch.Table LINE = RowBatch.table("sale_fact_line",
            List.of("store_id", "line_id", "sale_id", "sku", "quantity", "unit_price", "amount", "vat_rate"));
    private static final RowBatch.Table RETURN = RowBatch.table("return_fact", List.of("store_id", "return_id", "event_id", "sale_id",
            "terminal_id", "cashier", "reason", "credited_staff", "responsible_staff", "business_date", "completed_at", "currency", "refunded"));
    private static final RowBatch.Table RETURN_LINE = RowBatch.table("return_fact_line",
            List.of("store_id", "return_id", "position", "sale_line_id", "sku", "quantity", "amount", "disposition"));
    private static final RowBatch.Table RETURN_REFUND = RowBatch.table("return_fact_refund",
            List.of("store_id", "return_id", "position", "tender", "amount"));

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records the event once.
     *
     * @throws org.guitai.hq.ingest.domain.UnreadableEventException when HQ cannot read it (nothing is written)
     * @throws jakarta.persistence.PersistenceException with the duplicate key when another delivery recorded
     * it meanwhile, or when its sale (or return) is recorded already under another event
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Outcome apply(String storeId, StoreEvent event) {
        if (recorded(storeId, event.id().toString())) {
            return Outcome.ALREADY_RECORDED;
        }
        InboxEntry entry = InboxEntry.received(storeId, event, clock.instant());
        if (StoreEvent.RETURN_COMPLETED.equals(event.type())) {
            ReturnFacts facts = ReturnFacts.read(storeId, event);
            ReturnFact r = facts.fact();
            new RowBatch()
                    .insert(INBOX, entry.storeId(), entry.eventId(), entry.type(), entry.occurredAt(), entry.receivedAt())
                    .insert(RETURN, r.storeId(), r.returnId(), r.eventId(), r.saleId(), r.terminalId(), r.cashier(), r.reason(), r.creditedStaff(),
                            r.responsibleStaff().orElse(null), r.businessDate(), r.completedAt(), r.refunded().currency().getCurrencyCode(),
                            r.refunded().amount())
                    .insertRows(RETURN_LINE, facts.lines().stream().map(InboxWriter::row).toList())
                    .insertRows(RETURN_REFUND, facts.refunds().stream().map(InboxWriter::row).toList())
                    .execute(em);
            return Outcome.RECORDED;
        }
        SaleFacts facts = SaleFacts.read(storeId, event);
        SaleFact sale = facts.sale();
        new RowBatch()
                .insert(INBOX, entry.storeId(), entry.eventId(), entry.type(), entry.occurredAt(), entry.receivedAt())
                .insert(SALE, sale.storeId(), sale.saleId(), sale.eventId(), sale.terminalId(), sale.cashier(), sale.associate().orElse(null),
                        sale.slipNumber().orElse(null),
                        sale.businessDate(), sale.completedAt(), sale.total().currency().getCurrencyCode(), sale.total().amount(), sale.tax().amount())
                .insertRows(LINE, facts.lines().stream().map(InboxWriter::row).toList())
                .execute(em);
        return Outcome.RECORDED;
    }

    /** Whether HQ holds this store's event, as committed now. */
    @Transactional(TxType.SUPPORTS)
    public boolean recorded(String storeId, String eventId) {
        return !em.createNativeQuery("select 1 from inbox where store_id = ? and event_id = ?")
                .setParameter(1, storeId).setParameter(2, eventId).getResultList().isEmpty();
    }

    private static List<Object> row(ReturnFactLine line) {
        return java.util.Arrays.asList(line.storeId(), line.returnId(), line.position(), line.saleLineId(), line.sku(), line.quantity(),
                line.amount().amount(), line.disposition().orElse(null));
    }

    private static List<Object> row(ReturnFactRefund refund) {
        return List.of(refund.storeId(), refund.returnId(), refund.position(), refund.tender(), refund.amount().amount());
    }

    private static List<Object> row(SaleFactLine line) {
        return List.of(line.storeId(), line.lineId(), line.saleId(), line.sku(), line.quantity(), line.unitPrice().amount(),
                line.amount().amount(), line.vatRate());
    }
}
