package org.guitai.hq.ingest.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.guitai.kernel.contract.ReturnCompleted;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.kernel.money.Money;

/**
 * The facts a {@code ReturnCompleted} event leaves at HQ: one return fact, a fact per returned line and one per refund,
 * every amount exact to the return's currency. The refunds add up to {@code refunded}, and so do the lines' shares of it;
 * a STAFF_ERROR return names the member responsible. A return without its ids, times or business date, a reason, tender
 * or disposition HQ does not know, or an amount, quantity or text HQ's tables cannot hold makes the whole event unreadable:
 * nothing of it is kept, and the reason goes back to the store.
 */
public record ReturnFacts(ReturnFact fact, List<ReturnFactLine> lines, List<ReturnFactRefund> refunds) {

    static final Set<String> REASONS = Set.of("QUALITY", "CHANGE_OF_MIND", ReturnFact.STAFF_ERROR);
    static final Set<String> TENDERS = Set.of("CASH", "CARD", "CHECK", "MOBILE", "EXCHANGE");
    static final Set<String> DISPOSITIONS = Set.of("RESTOCK", "WRITE_OFF");

    public ReturnFacts {
        lines = List.copyOf(lines);
        refunds = List.copyOf(refunds);
    }

    /** @throws UnreadableEventException naming what HQ cannot read */
    public static ReturnFacts read(String storeId, StoreEvent event) {
        if (!StoreEvent.RETURN_COMPLETED.equals(event.type())) {
            throw new UnreadableEventException("unknown event type " + event.type());
        }
        ReturnFacts facts = readReturn(storeId, event.id().toString(), event.returnCompleted());
        if (event.occurredAt() == null) {
            throw new UnreadableEventException("the event says not when it happened (occurredAt)");
        }
        return facts;
    }

    private static ReturnFacts readReturn(String storeId, String eventId, ReturnCompleted r) {
        if (r == null || r.returnId() == null || r.saleId() == null || r.completedAt() == null || r.businessDate() == null) {
            throw new UnreadableEventException(
                    "a ReturnCompleted event needs returnCompleted with returnId, saleId, completedAt and businessDate");
        }
        try {
            Currency currency = Currency.getInstance(r.currency());
            String returnId = r.returnId().toString();
            String reason = oneOf("reason", r.reason(), REASONS);
            Optional<String> responsible = Optional.ofNullable(r.responsibleStaff()).filter(s -> !s.isBlank());
            if (ReturnFact.STAFF_ERROR.equals(reason) && responsible.isEmpty()) {
                throw new IllegalArgumentException("a STAFF_ERROR return names the responsibleStaff");
            }
            responsible.ifPresent(s -> text("responsibleStaff", s, 16));
            Money refunded = amount("refunded", r.refunded(), currency);
            ReturnFact fact = new ReturnFact(storeId, returnId, eventId, r.saleId().toString(), text("terminalId", r.terminalId(), 16),
                    text("cashier", r.cashier(), 16), reason, text("creditedStaff", r.creditedStaff(), 16), responsible, r.businessDate(),
                    r.completedAt(), refunded);
            List<ReturnFactLine> lines = new ArrayList<>();
            Money shares = Money.zero(currency);
            for (ReturnCompleted.Line line : r.lines()) {
                BigDecimal quantity = decimal("quantity", line.quantity(), 3);
                if (quantity.signum() <= 0) {
                    throw new IllegalArgumentException("quantity '" + line.quantity() + "' is not a positive number of units");
                }
                Money amount = amount("a line's amount", line.amount(), currency);
                shares = shares.plus(amount);
                lines.add(new ReturnFactLine(storeId, returnId, lines.size(), line.saleLineId().toString(), text("sku", line.sku(), 32), quantity,
                        amount, Optional.ofNullable(line.disposition()).map(d -> oneOf("disposition", d, DISPOSITIONS))));
            }
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("it returns no lines");
            }
            List<ReturnFactRefund> refunds = new ArrayList<>();
            Money paid = Money.zero(currency);
            for (ReturnCompleted.Refund refund : r.refunds()) {
                Money amount = amount("a refund's amount", refund.amount(), currency);
                if (amount.isZero()) {
                    throw new IllegalArgumentException("a " + refund.tender() + " refund of 0 is no refund");
                }
                paid = paid.plus(amount);
                refunds.add(new ReturnFactRefund(storeId, returnId, refunds.size(), oneOf("tender", refund.tender(), TENDERS), amount));
            }
            if (!paid.equals(refunded)) {
                throw new IllegalArgumentException("the refunds add up to " + paid.toPlainString() + ", not the " + refunded.toPlainString() + " refunded");
            }
            if (!shares.equals(refunded)) {
                throw new IllegalArgumentException("the lines' amounts add up to " + shares.toPlainString() + ", not the "
                        + refunded.toPlainString() + " refunded");
            }
            return new ReturnFacts(fact, lines, refunds);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("return " + r.returnId() + " cannot be read: " + e.getMessage());
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

    private static String oneOf(String field, String value, Set<String> known) {
        if (value == null || !known.contains(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' is not one of " + new java.util.TreeSet<>(known));
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

    /** An amount of money that is not negative, exact to the currency and within DECIMAL(19, 2). */
    private static Money amount(String field, String value, Currency currency) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        Money money = Money.of(value, currency);
        decimal(field, value, 2);
        if (money.isNegative()) {
            throw new IllegalArgumentException(field + " '" + value + "' is negative: a return's amounts are positive");
        }
        return money;
    }
}
