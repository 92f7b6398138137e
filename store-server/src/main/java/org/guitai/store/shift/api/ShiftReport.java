package org.guitai.store.shift.api;

import java.math.BigDecimal;
import java.util.List;
import org.guitai.store.shift.domain.Ledger;
import org.guitai.store.shift.domain.LedgerItem;
import org.guitai.store.shift.domain.Shift;

/**
 * The X report of an open shift (as it stands) or the Z report of a closed one (with the blind
 * count, the expected cash it was compared with, the difference and its grade), and the mobile
 * charges of its sales that were approved and are recorded on no payment.
 */
public record ShiftReport(String shiftId, String kind, String terminalId, String cashierCode, String status, String businessDate,
                          String openedAt, String closedAt, String currency, String openingFloat, ShiftTally sales, List<ShiftTender> byTender,
                          String cashReceived, String changeGiven, String cashWaived, String discounts, ShiftTally voids, ShiftTally cancelled,
                          ShiftTally rejectedNotes, int noSales, String payIns, String payOuts, String drops, String cashRefunds,
                          String expectedCash, String countedCash, String difference, String errorLevel, String closedBy, String approvedBy,
                          List<ShiftView.PiecesView> counted, List<CashMovementView> movements, List<UnrecordedCharge> unrecordedMobileCharges) {

    /** A mobile charge the provider approved (the customer paid) that no payment of the sale records: refund it or record it by a retry. */
    public record UnrecordedCharge(String paymentId, String saleId, String channel, String transactionId, String amount) {
    }

    /** How many, for how much. */
    public record ShiftTally(int count, String amount) {
    }

    /** One tender's takings and refunds in the shift. */
    public record ShiftTender(String tender, int count, String amount, String refunds) {
    }

    static ShiftReport of(Shift s, List<CashMovementView> movements, List<UnrecordedCharge> unrecordedMobileCharges) {
        Ledger l = s.ledger();
        List<ShiftTender> tenders = List.of(
                new ShiftTender("CASH", l.count(LedgerItem.CASH_COUNT), money(l.get(LedgerItem.CASH_APPLIED)), money(l.get(LedgerItem.CASH_REFUNDS))),
                new ShiftTender("CARD", l.count(LedgerItem.CARD_COUNT), money(l.get(LedgerItem.CARD_AMOUNT)), money(l.get(LedgerItem.CARD_REFUNDS))),
                new ShiftTender("CHECK", l.count(LedgerItem.CHECK_COUNT), money(l.get(LedgerItem.CHECK_AMOUNT)), money(l.get(LedgerItem.CHECK_REFUNDS))),
                new ShiftTender("MOBILE", l.count(LedgerItem.MOBILE_COUNT), money(l.get(LedgerItem.MOBILE_AMOUNT)), money(l.get(LedgerItem.MOBILE_REFUNDS))));
        var close = s.close();
        return new ShiftReport(s.id(), s.isOpen() ? "X" : "Z", s.terminalId(), s.openedBy(), s.status().name(), s.businessDate().toString(),
                s.openedAt().toString(), close.map(c -> c.closedAt().toString()).orElse(null), s.currency().getCurrencyCode(),
                money(s.openingFloat()), tally(l, LedgerItem.SALES_COUNT, LedgerItem.SALES_AMOUNT), tenders,
                money(l.get(LedgerItem.CASH_RECEIVED)), money(l.get(LedgerItem.CHANGE_GIVEN)), money(l.get(LedgerItem.CASH_WAIVED)),
                money(l.get(LedgerItem.DISCOUNT_AMOUNT)), tally(l, LedgerItem.VOIDED_LINES, LedgerItem.VOIDED_AMOUNT),
                tally(l, LedgerItem.CANCELLED_COUNT, LedgerItem.CANCELLED_AMOUNT), tally(l, LedgerItem.REJECTED_NOTES, LedgerItem.REJECTED_AMOUNT),
                l.count(LedgerItem.NO_SALES), money(l.get(LedgerItem.PAY_INS)), money(l.get(LedgerItem.PAY_OUTS)), money(l.get(LedgerItem.DROPS)),
                money(l.get(LedgerItem.CASH_REFUNDS)),
                money(close.map(Shift.Close::expectedCash).orElseGet(s::expectedCash)),
                close.map(c -> money(c.countedCash())).orElse(null), close.map(c -> money(c.difference())).orElse(null),
                close.map(c -> c.errorLevel().name()).orElse(null), close.map(Shift.Close::closedBy).orElse(null),
                close.flatMap(Shift.Close::approvedBy).orElse(null),
                close.map(c -> c.counted() == null ? List.<ShiftView.PiecesView>of()
                        : c.counted().pieces().stream().map(p -> new ShiftView.PiecesView(p.denomination().toPlainString(), p.count())).toList())
                        .orElse(null),
                movements, unrecordedMobileCharges);
    }

    private static ShiftTally tally(Ledger l, LedgerItem count, LedgerItem amount) {
        return new ShiftTally(l.count(count), money(l.get(amount)));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
