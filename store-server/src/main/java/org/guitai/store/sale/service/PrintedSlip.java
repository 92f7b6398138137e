package org.guitai.store.sale.service;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.guitai.store.platform.barcode.Barcodes;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleLine;

/**
 * What the paid slip shows ({@code slip.ftlh}), every value text ready to print: the template lays it
 * out and decides nothing.
 *
 * @param barcode the slip code as a Code 128 PNG data URI
 * @param payments one line per tender that counts (a bounced check does not)
 * @param copy printed again (副本): the slip is marked as a copy, so it cannot pass for a second receipt
 */
public record PrintedSlip(String storeName, String code, String paidAt, String cashier, String terminal, List<Line> lines, String total,
        List<String> payments, String barcode, boolean copy) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A line sold: brand, name and model; spec and colour; quantity with its unit. */
    public record Line(String product, String spec, String quantity, String unitPrice, String amount) {

        static Line of(SaleLine line) {
            return new Line(line.item().brand() + " " + line.item().name() + " " + line.item().model(),
                    line.item().spec() + " " + line.item().colour(),
                    line.quantity().stripTrailingZeros().toPlainString() + line.item().unit(),
                    line.unitPrice().toPlainString(), line.amount().toPlainString());
        }
    }

    static PrintedSlip of(Sale sale, String code, String storeName, ZoneId zone, String cashier) {
        return of(sale, code, storeName, zone, cashier, false);
    }

    static PrintedSlip of(Sale sale, String code, String storeName, ZoneId zone, String cashier, boolean copy) {
        return new PrintedSlip(storeName, code, sale.paidAt().orElseThrow().atZone(zone).format(TIME), cashier, sale.terminalId(),
                sale.activeLines().stream().map(Line::of).toList(), sale.total().toPlainString(),
                sale.payments().stream().filter(p -> !p.isBounced()).map(PrintedSlip::payment).toList(), Barcodes.code128DataUri(code), copy);
    }

    static String payment(Payment p) {
        return switch (p.tender()) {
            case CASH -> "现金 收 " + p.received().toPlainString() + " 找 " + p.change().toPlainString();
            case CARD -> "银行卡 ****" + p.last4() + " " + p.applied().toPlainString();
            case CHECK -> "支票 " + p.checkNumber() + " " + p.applied().toPlainString();
            case MOBILE -> ("ALIPAY".equals(p.channel()) ? "支付宝 " : "微信支付 ") + p.applied().toPlainString() + " 交易号 " + p.transactionId();
            case EXCHANGE -> "换货抵扣 " + p.applied().toPlainString();
        };
    }
}
