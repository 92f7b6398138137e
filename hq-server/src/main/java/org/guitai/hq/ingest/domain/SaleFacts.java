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
        SaleFacts facts = readSale(storeId, event.id().toString(), event.saleCompleted());
        if (event.occurredAt() == null) {
            throw new UnreadableEventException("the event says not when it happened (occurredAt)");
        }
        return facts;
    }

    private static SaleFacts readSale(String storeId, String eventId, SaleCompleted sale) {
        if (sale == null || sale.saleId() == null || sale.completedAt() == null || sale.businessDate() == null) {
            throw new UnreadableEventException("a SaleCompleted event needs saleCompleted with saleId, completedAt and businessDate");
        }
        try {
            Currency currency = Currency.getInstance(sale.currency());
            String saleId = sale.saleId().toString();
            SaleFact fact = new SaleFact(storeId, saleId, eventId, text("terminalId", sale.terminalId(), 16), text("cashier", sale.cashier(), 16),
                    Optional.ofNullable(sale.associate()).filter(a -> !a.isBlank()).map(a -> text("associate", a, 16)),
                    Optional.ofNullable(sale.slipNumber()),
                    sale.businessDate(), sale.completedAt(), Money.of(sale.total(), currency), Money.of(sale.tax(), currency));
            List<SaleFactLine> lines = new ArrayList<>();
            for (SaleCompleted.Line line : sale.lines()) {
                lines.add(new SaleFactLine(storeId, line.lineId().toString(), saleId, text("sku", line.sku(), 32),
                        decimal("quantity", line.quantity(), 3), Money.of(line.unitPrice(), currency), Money.of(line.amount(), currency),
                        rate(line.vatRate())));
            }
            return new SaleFacts(fact, lines);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("sale " + sale.saleId() + " cannot be read: " + e.getMessage());
        }
    }

    /*
     * What HQ's tables can hold, checked here: a value they would refuse at insert would fail the
     * whole batch, which the store would send again forever, holding back every event behind it.
     */

    private static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " characters");
        }
        return value;
    }

    /** A decimal of at most {@code scale} places and 16 whole digits, as DECIMAL(19, scale) holds. */
    private static BigDecimal decimal(String field, String value, int scale) {
        BigDecimal decimal = new BigDecimal(value);
        if (decimal.stripTrailingZeros().scale() > scale || decimal.abs().compareTo(BigDecimal.TEN.pow(19 - scale)) >= 0) {
            throw new IllegalArgumentException(field + " '" + value + "' does not fit " + (19 - scale) + " digits and " + scale + " places");
        }
        return decimal;
    }

    /** A VAT rate: a fraction from 0 to 1 (0.13 is 13 %) of at most four places. */
    private static BigDecimal rate(String value) {
        BigDecimal rate = decimal("vatRate", value, 4);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("vatRate '" + value + "' is not a fraction from 0 to 1");
        }
        return rate;
    }
}
