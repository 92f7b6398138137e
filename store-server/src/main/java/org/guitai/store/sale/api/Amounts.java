package org.guitai.store.sale.api;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.guitai.kernel.money.Money;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.store.mobile.domain.PaymentCode;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.RejectedNote;
import org.guitai.store.sale.service.SaleService;

/** Decimal strings of the wire, turned into Money, quantities and tenders, with a 400 that names the field. */
final class Amounts {

    static final String MONEY = "^\\d{1,15}(\\.\\d{1,4})?$";
    static final String MONEY_MESSAGE = "must be a decimal amount such as 12.50";
    static final String QUANTITY = "^\\d{1,12}(\\.\\d{1,3})?$";
    static final String QUANTITY_MESSAGE = "must be a positive decimal with at most 3 decimals";
    static final String PERCENT = "^\\d{1,3}(\\.\\d{1,4})?$";
    static final String PERCENT_MESSAGE = "must be a percentage such as 10 or 12.5";

    private static final int MAX_NOTE_ENTRIES = 50;

    private Amounts() {
    }

    static Money money(String field, String value, Currency currency) {
        if (value == null) {
            throw new InvalidRequestException(field + " is required");
        }
        try {
            return Money.of(value, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field + " '" + value + "' is not an amount of " + currency.getCurrencyCode());
        }
    }

    static Optional<BigDecimal> decimal(String value) {
        return Optional.ofNullable(value).map(BigDecimal::new);
    }

    static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    /** The tender of a payment request, with the members its kind needs. */
    static SaleService.Tendered tendered(PaymentRequest r, Currency currency) {
        String id = r.id().toString();
        return switch (r.tender()) {
            case CASH -> {
                if (r.countedNotes().size() > MAX_NOTE_ENTRIES || r.rejectedNotes().size() > MAX_NOTE_ENTRIES) {
                    throw new InvalidRequestException("counted and rejected list at most " + MAX_NOTE_ENTRIES + " entries each");
                }
                if (r.countedNotes().stream().anyMatch(c -> c.count() <= 0)) {
                    throw new InvalidRequestException("every counted entry needs a positive count");
                }
                // "100" twice, or "100" and "100.00", are one denomination counted in two goes
                Map<BigDecimal, Integer> byDenomination = new TreeMap<>(Comparator.reverseOrder());
                r.countedNotes().forEach(c -> byDenomination.merge(new BigDecimal(c.denomination()), c.count(), Integer::sum));
                List<NoteCount> counted = byDenomination.entrySet().stream().map(e -> new NoteCount(e.getKey(), e.getValue())).toList();
                List<RejectedNote> rejected = r.rejectedNotes().stream()
                        .map(n -> new RejectedNote(new BigDecimal(n.denomination()), n.serial(), n.reason())).toList();
                yield new SaleService.Cash(id, money("amountDue", r.amountDue(), currency),
                        Optional.ofNullable(r.amount()).map(a -> money("amount", a, currency)), counted, rejected);
            }
            case CARD -> new SaleService.Card(id, money("amount", r.amount(), currency), required("authCode", r.authCode()),
                    required("last4", r.last4()), required("terminalReference", r.terminalReference()));
            case CHECK -> new SaleService.Check(id, money("amount", r.amount(), currency), required("checkNumber", r.checkNumber()),
                    required("bank", r.bank()).trim());
            case EXCHANGE -> throw new InvalidRequestException("a return's credit is applied to a new sale by POST /api/returns/{id}/refund "
                    + "with tender EXCHANGE, not taken as a payment");
            case MOBILE -> {
                if (r.channel() == null) {
                    throw new InvalidRequestException("channel is required for this tender: WECHAT or ALIPAY");
                }
                Money amount = money("amount", r.amount(), currency);
                yield new SaleService.Mobile(id, amount, new PaymentCode(r.channel(), required("paymentCode", r.paymentCode())));
            }
        };
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw new InvalidRequestException(field + " is required for this tender");
        }
        return value;
    }
}
