package org.guitai.hq.ingest.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.guitai.kernel.contract.SaleCompleted;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.kernel.money.Money;

/**
 * The facts one store event leaves at HQ. A {@code SaleCompleted} event becomes one sale fact and a
 * fact per line, in the sale's own currency, every amount exact to that currency's scale. Any other
 * type, a sale without its id, times or business date, or an amount, quantity, rate or currency HQ
 * cannot read makes the whole event unreadable: nothing of it is kept, and the reason goes back to the store.
 */
public record SaleFacts(SaleFact sale, List<SaleFactLine> lines) {

    public SaleFacts {
        lines = List.copyOf(lines);
    }

    /** @throws UnreadableEventException naming what HQ cannot read */
    public static SaleFacts read(String storeId, StoreEvent event) {
        if (!StoreEvent.SALE_COMPLETED.equals(event.type())) {
            throw new UnreadableEventException("unknown event type " + event.type());
        }
        return readSale(storeId, event.id().toString(), event.saleCompleted());
    }

    private static SaleFacts readSale(String storeId, String eventId, SaleCompleted sale) {
        if (sale == null || sale.saleId() == null || sale.completedAt() == null || sale.businessDate() == null) {
            throw new UnreadableEventException("a SaleCompleted event needs saleCompleted with saleId, completedAt and businessDate");
        }
        try {
            Currency currency = Currency.getInstance(sale.currency());
            String saleId = sale.saleId().toString();
            SaleFact fact = new SaleFact(storeId, saleId, eventId, sale.terminalId(), sale.cashier(), Optional.ofNullable(sale.slipNumber()),
                    sale.businessDate(), sale.completedAt(), Money.of(sale.total(), currency), Money.of(sale.tax(), currency));
            List<SaleFactLine> lines = new ArrayList<>();
            for (SaleCompleted.Line line : sale.lines()) {
                lines.add(new SaleFactLine(storeId, line.lineId().toString(), saleId, line.sku(), new BigDecimal(line.quantity()),
                        Money.of(line.unitPrice(), currency), Money.of(line.amount(), currency), new BigDecimal(line.vatRate())));
            }
            return new SaleFacts(fact, lines);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("sale " + sale.saleId() + " cannot be read: " + e.getMessage());
        }
    }
}
