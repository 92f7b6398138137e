package org.guitai.hq.report.api;

import java.util.List;
import org.guitai.hq.report.service.ChainReports;

/**
 * The chain report on the wire. {@code total} is what the period's sales came to, gross: returns do not lower it;
 * {@code returns} counts the returns completed (fully refunded) in the period by their own business date and
 * {@code refunded} is what they gave back; {@code net} = total - refunded. The same per store.
 */
public record ChainReportView(String from, String to, String currency, long sales, String total, long returns, String refunded, String net,
                              List<StoreView> stores) {

    public record StoreView(String storeId, String name, String city, long sales, String total, long returns, String refunded, String net) {
    }

    static ChainReportView of(ChainReports.ChainFigures f) {
        return new ChainReportView(f.from().toString(), f.to().toString(), f.total().currency().getCurrencyCode(), f.sales(),
                f.total().toPlainString(), f.returns(), f.refunded().toPlainString(), f.net().toPlainString(),
                f.stores().stream().map(s -> new StoreView(s.store().id(), s.store().name(), s.store().city(), s.sales(),
                        s.total().toPlainString(), s.returns(), s.refunded().toPlainString(), s.net().toPlainString())).toList());
    }
}
