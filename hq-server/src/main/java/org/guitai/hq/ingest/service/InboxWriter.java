package org.guitai.hq.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import org.guitai.hq.ingest.domain.InboxEntry;
import org.guitai.hq.ingest.domain.SaleFact;
import org.guitai.hq.ingest.domain.SaleFactLine;
import org.guitai.hq.ingest.domain.UnreadableEventException;
import org.guitai.kernel.contract.SaleCompleted;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.kernel.money.Money;

/** Applies one event in its own transaction, together with its inbox entry. */
@ApplicationScoped
public class InboxWriter {

    public enum Outcome {
        RECORDED,
        ALREADY_RECORDED
    }

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(TxType.REQUIRES_NEW)
    public Outcome apply(String storeId, StoreEvent event) {
        String eventId = event.id().toString();
        if (em.find(InboxEntry.class, new InboxEntry.Key(storeId, eventId)) != null) {
            return Outcome.ALREADY_RECORDED;
        }
        em.persist(new InboxEntry(storeId, eventId, event.type(), event.occurredAt(), clock.instant()));
        if (StoreEvent.SALE_COMPLETED.equals(event.type())) {
            applySale(storeId, eventId, event.saleCompleted());
        } else {
            throw new UnreadableEventException("unknown event type " + event.type());
        }
        em.flush();
        return Outcome.RECORDED;
    }

    private void applySale(String storeId, String eventId, SaleCompleted sale) {
        if (sale == null || sale.saleId() == null || sale.completedAt() == null || sale.businessDate() == null) {
            throw new UnreadableEventException("a SaleCompleted event needs saleCompleted with saleId, completedAt and businessDate");
        }
        try {
            Currency currency = Currency.getInstance(sale.currency());
            String saleId = sale.saleId().toString();
            em.persist(new SaleFact(storeId, saleId, eventId, sale.terminalId(), sale.cashier(), sale.slipNumber(),
                    sale.businessDate(), sale.completedAt(), Money.of(sale.total(), currency), Money.of(sale.tax(), currency)));
            for (SaleCompleted.Line line : sale.lines()) {
                em.persist(new SaleFactLine(storeId, line.lineId().toString(), saleId, line.sku(), new BigDecimal(line.quantity()),
                        Money.of(line.unitPrice(), currency), Money.of(line.amount(), currency), new BigDecimal(line.vatRate())));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("sale " + sale.saleId() + " cannot be read: " + e.getMessage());
        }
    }
}
