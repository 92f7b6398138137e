package org.guitai.store.report.api;

import java.math.BigDecimal;
import java.util.List;
import org.guitai.store.report.domain.PeriodReport;

/** A day, week or month of the store, as the manager page shows it; money as decimal strings with two places. */
public record ReportView(String from, String to, String date, Boolean closed, String closedBy, String currency, int transactions, String total,
                         String averageTicket, String units, String discounts, ReportTally voids, ReportTally cancelled, ReportTally returns, List<ReportHour> byHour,
                         List<ReportDay> byDay, List<ReportCategory> byCategory, List<ReportBrand> byBrand, List<ReportStaff> byStaff, List<ReportTender> byTender,
                         List<ReportProduct> bestSellers, List<ReportProduct> slowSellers, List<ReportOverShort> overShort, ReportTarget target,
                         String refunded, List<ReportTender> refundsByTender) {

    public record ReportTally(int count, String amount) {
    }

    public record ReportHour(int hour, int transactions, String total) {
    }

    public record ReportDay(String date, int transactions, String total) {
    }

    public record ReportCategory(String category, String units, String total) {
    }

    public record ReportBrand(String brand, String units, String total) {
    }

    public record ReportStaff(String staffCode, String name, int transactions, String total) {
    }

    public record ReportTender(String tender, int count, String amount) {
    }

    public record ReportProduct(String sku, String name, String brand, String model, String units, String total, String stock) {
    }

    public record ReportOverShort(String cashierCode, String name, int shifts, String difference, String worstErrorLevel) {
    }

    public record ReportTarget(String month, String amount, String sales, String attainment) {
    }

    static ReportView of(PeriodReport r, boolean daily, Boolean closed, String closedBy) {
        return new ReportView(r.from().toString(), r.to().toString(), daily ? r.from().toString() : null, closed, closedBy, r.currency(),
                r.transactions(), money(r.total()), money(r.averageTicket()), quantity(r.units()), money(r.discounts()), tally(r.voids()),
                tally(r.cancelled()), tally(r.returns()),
                daily ? r.byHour().stream().map(h -> new ReportHour(h.hour(), h.transactions(), money(h.total()))).toList() : null,
                daily ? null : r.byDay().stream().map(d -> new ReportDay(d.date().toString(), d.transactions(), money(d.total()))).toList(),
                r.byCategory().stream().map(g -> new ReportCategory(g.name().isEmpty() ? "-" : g.name(), quantity(g.units()), money(g.total()))).toList(),
                r.byBrand().stream().map(g -> new ReportBrand(g.name(), quantity(g.units()), money(g.total()))).toList(),
                r.byStaff().stream().map(s -> new ReportStaff(s.staffCode(), s.name(), s.transactions(), money(s.total()))).toList(),
                r.byTender().stream().map(t -> new ReportTender(t.tender(), t.count(), money(t.amount()))).toList(),
                r.bestSellers().stream().map(ReportView::product).toList(), r.slowSellers().stream().map(ReportView::product).toList(),
                r.overShort().stream().map(o -> new ReportOverShort(o.cashierCode(), o.name(), o.shifts(), money(o.difference()), o.worstErrorLevel())).toList(),
                r.target().map(t -> new ReportTarget(t.month(), money(t.amount()), money(t.sales()), t.attainment().toPlainString())).orElse(null),
                money(r.refunded()), r.refundsByTender().stream().map(t -> new ReportTender(t.tender(), t.count(), money(t.amount()))).toList());
    }

    private static ReportProduct product(PeriodReport.ProductLine p) {
        return new ReportProduct(p.sku(), p.name(), p.brand(), p.model(), quantity(p.units()), money(p.total()), quantity(p.stock()));
    }

    private static ReportTally tally(PeriodReport.Tally t) {
        return new ReportTally(t.count(), money(t.amount()));
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String quantity(BigDecimal q) {
        BigDecimal plain = q.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }
}
