package org.guitai.store.returns.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.guitai.kernel.money.Money;
import org.guitai.store.platform.barcode.Barcodes;
import org.guitai.store.returns.domain.Disposition;
import org.guitai.store.returns.domain.Refund;
import org.guitai.store.returns.domain.ReturnLine;
import org.guitai.store.returns.domain.ReturnStatus;
import org.guitai.store.returns.domain.SaleReturn;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.Sale;

/**
 * What the return slip (退货单) shows ({@code return-slip.ftlh}), every value text ready to print: the
 * template lays it out and decides nothing. The customer's receipt of what came back and where the
 * money went, tender by tender.
 *
 * @param saleSlip the code of the slip of the sale the goods were bought on
 * @param approvedBy the managers who approved the return, by name
 * @param refunds one line per refund that stands (an exchange's credit given back when its new sale was
 *                cancelled is left out, with the record that gave it back)
 * @param due what is still to refund, when the return is only partly refunded; none once refunded, nor while
 *            all that is left waits for an exchange's new sale to be paid
 * @param redLetterInvoice the red-letter invoice (红字发票) the return was issued, if the sale had an invoice
 * @param barcode the return's number as a Code 128 PNG data URI
 * @param copy printed again (副本): the slip is marked as a copy, so it cannot pass for a second refund
 */
public record PrintedReturnSlip(String storeName, String number, String saleSlip, String at, String cashier, String terminal, String reason,
                                List<String> approvedBy, List<Line> lines, String total, List<String> refunds, String due, String redLetterInvoice,
                                String barcode, boolean copy) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A line returned: what, how many with the unit, at what price, what it refunds, and what the inspection did with it. */
    public record Line(String product, String spec, String quantity, String unitPrice, String amount, String disposition) {
    }

    /**
     * @param names a staff member's name by code
     * @param slipOfSale the slip code of a paid sale by id (an exchange's new sale), if it has one yet
     */
    static PrintedReturnSlip of(SaleReturn r, Sale sale, String saleSlip, String storeName, ZoneId zone, Function<String, String> names,
                                Function<String, Optional<String>> slipOfSale, boolean copy) {
        Instant at = r.refundedAt().or(() -> r.refunds().stream().map(Refund::refundedAt).max(Instant::compareTo)).orElse(r.createdAt());
        String reason = switch (r.reason()) {
            case QUALITY -> "质量问题 Quality (公司承担 borne by the company)";
            case CHANGE_OF_MIND -> "顾客无理由退货 Change of mind";
            case STAFF_ERROR -> "员工差错 Staff error · 责任人 " + r.responsibleStaff().map(names).orElse("");
        };
        String number = Returns.returnNumber(r);
        return new PrintedReturnSlip(storeName, number, saleSlip, at.atZone(zone).format(TIME), names.apply(r.cashierCode()), r.terminalId(), reason,
                r.approvals().stream().map(a -> names.apply(a.managerCode())).toList(),
                r.lines().stream().map(l -> line(l, sale)).toList(), r.amount().toPlainString(), refunds(r, sale, slipOfSale),
                r.status() == ReturnStatus.REFUNDED || r.due().isZero() ? null : r.due().toPlainString(), r.redLetterInvoice().orElse(null),
                Barcodes.code128DataUri(number), copy);
    }

    private static Line line(ReturnLine l, Sale sale) {
        String unit = sale.line(l.saleLineId()).map(s -> s.item().unit()).orElse("");
        return new Line(l.name(), l.spec(), plain(l.quantity()) + unit, l.unitPrice().toPlainString(), l.amount().toPlainString(),
                l.disposition().map(d -> d == Disposition.RESTOCK ? "入库 restocked" : "报损 written off").orElse(""));
    }

    /** The refunds that stand, in the order they were made. */
    static List<String> refunds(SaleReturn r, Sale sale, Function<String, Optional<String>> slipOfSale) {
        Set<String> givenBack = new HashSet<>();
        r.refunds().stream().filter(f -> f.amount().isNegative()).forEach(f -> {
            givenBack.add(f.id());
            f.reference().ifPresent(givenBack::add);
        });
        return r.refunds().stream().filter(f -> !givenBack.contains(f.id())).map(f -> refund(f, sale, slipOfSale)).toList();
    }

    private static String refund(Refund f, Sale sale, Function<String, Optional<String>> slipOfSale) {
        String amount = f.amount().toPlainString();
        return switch (f.tender()) {
            case CASH -> {
                BigDecimal out = f.counted().stream().map(NoteCount::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                Money paidOut = Money.of(out, f.amount().currency());
                yield "现金 退 " + amount + (out.signum() > 0 && !paidOut.equals(f.amount()) ? " 实付 " + paidOut.toPlainString() + " (抹零)" : "");
            }
            case CARD -> "银行卡 冲正 " + amount + f.reference().map(ref -> " 参考号 " + ref).orElse("");
            case CHECK -> "支票 退 " + amount + f.reference().map(ref -> " " + ref).orElse("");
            case MOBILE -> {
                String channel = f.paymentId().flatMap(sale::payment).map(Payment::channel).map(c -> "ALIPAY".equals(c) ? "支付宝" : "微信支付")
                        .orElse("移动支付");
                yield channel + " 退款 " + amount + f.reference().map(ref -> " 退款号 " + ref).orElse("");
            }
            case EXCHANGE -> "换货抵扣 " + amount + f.exchangeSaleId().flatMap(slipOfSale).map(code -> " → 新小票 " + code).orElse(" → 新销售");
        };
    }

    private static String plain(BigDecimal q) {
        BigDecimal p = q.stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString();
    }
}
