package org.guitai.store.delivery.service;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.guitai.store.delivery.domain.Delivery;
import org.guitai.store.platform.barcode.Barcodes;
import org.guitai.store.sale.domain.SaleLine;

/**
 * What the delivery note shows ({@code delivery-note.ftlh}), every value text ready to print.
 *
 * @param windowFrom the delivery window in store time, as {@code windowTo}
 * @param barcode the slip code as a Code 128 PNG data URI, scanned when the goods are handed over
 */
public record PrintedDeliveryNote(String storeName, String contact, String phone, String address, String windowFrom, String windowTo,
        String status, String slipCode, String barcode, List<Line> lines) {

    private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A line of goods: brand, name and model; quantity with its unit. */
    public record Line(String product, String spec, String colour, String quantity) {

        static Line of(SaleLine line) {
            return new Line(line.item().brand() + " " + line.item().name() + " " + line.item().model(), line.item().spec(),
                    line.item().colour(), line.quantity().stripTrailingZeros().toPlainString() + line.item().unit());
        }
    }

    static PrintedDeliveryNote of(Delivery delivery, List<SaleLine> lines, String slipCode, String storeName) {
        return new PrintedDeliveryNote(storeName, delivery.contact(), delivery.phone(), delivery.address(),
                delivery.windowFrom().format(WINDOW), delivery.windowTo().format(WINDOW), delivery.status().name(), slipCode,
                Barcodes.code128DataUri(slipCode), lines.stream().map(Line::of).toList());
    }
}
