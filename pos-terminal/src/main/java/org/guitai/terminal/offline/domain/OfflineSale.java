package org.guitai.terminal.offline.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.guitai.kernel.money.CashRounding;
import org.guitai.kernel.money.Money;

/**
 * A cash sale the terminal makes on its own while the store is away: lines at the snapshot's
 * prices, priced with the store's rounding, confirmed, then paid in cash with the checks (查 the
 * stated amount due is what is due, or what is due in cash after 抹零; 数 the counted pieces are of
 * the store's denominations and cover it). Discounts, overrides and other tenders need the store.
 */
public final class OfflineSale {

    public enum Status { OPEN, CONFIRMED, PAID, COMPLETED }

    /** A line: the product as the snapshot had it, and how many. */
    public record Line(String id, int lineNo, String sku, String barcode, String name, String unit, BigDecimal quantity, Money price,
                       String vatRate, Money amount) {
    }

    /** A counted piece: a denomination and how many of it. */
    public record Count(BigDecimal denomination, int count) {

        BigDecimal value() {
            return denomination.multiply(BigDecimal.valueOf(count));
        }
    }

    /** The cash taken: what was received, the part of the due it paid, the change and the fen waived. */
    public record CashPayment(String id, Money amountDue, Money received, Money change, Money rounding, List<Count> counted) {

        /** The change in the fewest pieces of the store's denominations, largest first. */
        public List<Count> changeBreakdown(List<BigDecimal> denominations) {
            List<Count> pieces = new ArrayList<>();
            BigDecimal left = change.amount();
            for (BigDecimal d : denominations.stream().sorted(java.util.Comparator.reverseOrder()).toList()) {
                int n = left.divideToIntegralValue(d).intValue();
                if (n > 0) {
                    pieces.add(new Count(d, n));
                    left = left.subtract(d.multiply(BigDecimal.valueOf(n)));
                }
            }
            return pieces;
        }

        /** 唱: what the cashier announces, as the store words it. */
        public String announcement() {
            return "收您" + received.toPlainString() + "元，找您" + change.toPlainString() + "元"
                    + (rounding.isZero() ? "" : "（抹零" + rounding.toPlainString() + "元）");
        }
    }

    /** A rule of the counter refuses a step: its problem slug, title and detail. */
    public static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String slug;
        private final String title;

        Refused(String slug, String title, String detail) {
            super(detail);
            this.slug = slug;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }

    private final String id;
    private final String cashierCode;
    private final String shiftId;
    private final Currency currency;
    private final RoundingMode rounding;
    private final Instant createdAt;
    private final List<Line> lines = new ArrayList<>();
    private Status status = Status.OPEN;
    private CashPayment payment;
    private Instant paidAt;

    public OfflineSale(String id, String cashierCode, String shiftId, Currency currency, RoundingMode rounding, Instant createdAt) {
        this.id = id;
        this.cashierCode = cashierCode;
        this.shiftId = shiftId;
        this.currency = currency;
        this.rounding = rounding;
        this.createdAt = createdAt;
    }

    public Line addLine(String lineId, String sku, String barcode, String name, String unit, BigDecimal quantity, Money price, String vatRate) {
        requireStatus(Status.OPEN, "add a line");
        requireQuantity(quantity);
        Optional<Line> same = line(lineId);
        if (same.isPresent()) {
            return same.get();
        }
        Line line = new Line(lineId, lines.size() + 1, sku, barcode, name, unit, quantity, price, vatRate, amount(price, quantity));
        lines.add(line);
        return line;
    }

    public Line changeQuantity(String lineId, BigDecimal quantity) {
        requireStatus(Status.OPEN, "change a line");
        requireQuantity(quantity);
        Line old = line(lineId).orElseThrow(() -> new Refused("line-not-found", "Line not found", "sale " + id + " has no line " + lineId));
        Line changed = new Line(old.id(), old.lineNo(), old.sku(), old.barcode(), old.name(), old.unit(), quantity, old.price(), old.vatRate(),
                amount(old.price(), quantity));
        lines.set(lines.indexOf(old), changed);
        return changed;
    }

    public void confirm() {
        if (status == Status.CONFIRMED) {
            return;
        }
        requireStatus(Status.OPEN, "confirm");
        if (lines.isEmpty()) {
            throw new Refused("empty-sale", "Empty sale", "sale " + id + " has no lines to confirm");
        }
        status = Status.CONFIRMED;
    }

    /** Takes the whole amount due in cash; the same payment id again is answered with the payment taken. */
    public CashPayment takeCash(String paymentId, Money statedDue, List<Count> counted, List<BigDecimal> denominations, CashRounding cashRounding,
                                Instant now) {
        if (payment != null && payment.id().equals(paymentId)) {
            return payment;
        }
        requireStatus(Status.CONFIRMED, "take a payment");
        Money due = total();
        Money cashDue = cashRounding.apply(due);
        if (!statedDue.equals(due) && !statedDue.equals(cashDue)) {
            throw new Refused("amount-due-mismatch", "Amount due does not match",
                    "the amount stated (" + statedDue.toPlainString() + ") is not what sale " + id + " has due (" + due.toPlainString()
                            + (cashDue.equals(due) ? "" : ", " + cashDue.toPlainString() + " in cash") + ")");
        }
        for (Count c : counted) {
            if (denominations.stream().noneMatch(d -> d.compareTo(c.denomination()) == 0) || c.count() < 0) {
                throw new Refused("unknown-denomination", "Unknown denomination", c.denomination().toPlainString() + " is not a denomination of " + currency);
            }
        }
        Money received = Money.of(counted.stream().map(Count::value).reduce(BigDecimal.ZERO, BigDecimal::add), currency);
        if (received.isLessThan(cashDue)) {
            throw new Refused("insufficient-cash", "Insufficient cash",
                    "received " + received.toPlainString() + " but " + cashDue.toPlainString() + " is to be paid in cash");
        }
        payment = new CashPayment(paymentId, statedDue, received, received.minus(cashDue), due.minus(cashDue), List.copyOf(counted));
        status = Status.PAID;
        paidAt = now;
        return payment;
    }

    public void complete() {
        if (status == Status.COMPLETED) {
            return;
        }
        requireStatus(Status.PAID, "complete");
        status = Status.COMPLETED;
    }

    public Money total() {
        return lines.stream().map(Line::amount).reduce(Money.zero(currency), Money::plus);
    }

    public Money due() {
        return payment == null ? total() : Money.zero(currency);
    }

    public Money paid() {
        return payment == null ? Money.zero(currency) : total();
    }

    private Money amount(Money price, BigDecimal quantity) {
        return Money.of(price.amount().multiply(quantity), currency, rounding);
    }

    private Optional<Line> line(String lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst();
    }

    private void requireStatus(Status wanted, String what) {
        if (status != wanted) {
            throw new Refused("sale-state", "Not now", "cannot " + what + " on sale " + id + ": it is " + status);
        }
    }

    private static void requireQuantity(BigDecimal quantity) {
        if (quantity.signum() <= 0 || quantity.scale() > 3) {
            throw new Refused("invalid-quantity", "Invalid quantity", "a quantity is more than 0, to at most three decimals");
        }
    }

    public String id() {
        return id;
    }

    public String cashierCode() {
        return cashierCode;
    }

    public String shiftId() {
        return shiftId;
    }

    public Currency currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> paidAt() {
        return Optional.ofNullable(paidAt);
    }

    public Status status() {
        return status;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public Optional<CashPayment> payment() {
        return Optional.ofNullable(payment);
    }
}
