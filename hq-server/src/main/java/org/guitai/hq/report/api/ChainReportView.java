package org.guitai.hq.report.api;

import java.util.List;
import org.guitai.hq.report.service.ChainReports;

public record ChainReportView(String from, String to, String currency, long sales, String total, List<StoreView> stores) {

    public record StoreView(String storeId, String name, String city, long sales, String total) {
    }

    static ChainReportView of(ChainReports.ChainFigures f) {
        return new ChainReportView(f.from().toString(), f.to().toString(), f.total().currency().getCurrencyCode(), f.sales(),
                f.total().toPlainString(),
                f.stores().stream().map(s -> new StoreView(s.store().id(), s.store().name(), s.store().city(), s.sales(),
                        s.total().toPlainString())).toList());
    }
}
