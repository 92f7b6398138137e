package org.guitai.store.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.platform.persistence.SqlQuery;
import org.guitai.platform.security.Caller;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.report.domain.PeriodReport;
import org.guitai.store.report.domain.PeriodReport.DayLine;
import org.guitai.store.report.domain.PeriodReport.GroupLine;
import org.guitai.store.report.domain.PeriodReport.HourLine;
import org.guitai.store.report.domain.PeriodReport.OverShortLine;
import org.guitai.store.report.domain.PeriodReport.ProductLine;
import org.guitai.store.report.domain.PeriodReport.StaffLine;
import org.guitai.store.report.domain.PeriodReport.Tally;
import org.guitai.store.report.domain.PeriodReport.TenderLine;
import org.guitai.store.shift.domain.ErrorLevel;
import org.guitai.store.staff.domain.Role;

/**
 * The store's reports, read from the running totals of the period's days ({@link DayTotals}: a sale
 * joins them once it is stamped paid, in its business day) and the shifts closed in it. A report
 * reads a few rows per day and product, however many sales the days had; it never re-adds sales.
 */
@ApplicationScoped
@Transactional
public class StoreReports {

    /** The running totals of the period's days. */
    private static final String FIGURES = " business_date between ? and ? ";
    private static final int TOP = 10;

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    StoreSettings settings;

    @Inject
    Targets targets;

    public PeriodReport period(LocalDate from, LocalDate to, Caller reader) {
        reader.require("reading the store's reports", Role.STORE_MANAGER);
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw new IllegalArgumentException("a report covers 1 to 366 days, from " + from + " to " + to);
        }
        Object[] period = {from, to};
        var sales = SqlQuery.first(em, "select coalesce(sum(n), 0) n, coalesce(sum(units), 0) units, coalesce(sum(amount), 0) total, "
                        + "coalesce(sum(list_amount), 0) list from day_figure where" + FIGURES + "and kind = 'SALES'",
                r -> new Object[] {r.integer("n"), r.decimal("units"), r.decimal("total"), r.decimal("list")}, period).orElseThrow();
        int transactions = (Integer) sales[0];
        BigDecimal units = (BigDecimal) sales[1];
        BigDecimal total = (BigDecimal) sales[2];
        BigDecimal average = transactions == 0 ? BigDecimal.ZERO.setScale(2) : total.divide(BigDecimal.valueOf(transactions), 2, RoundingMode.HALF_UP);
        Tally voids = tally("VOID", period);
        Tally cancelled = tally("CANCEL", period);
        boolean oneDay = from.equals(to);
        List<HourLine> byHour = oneDay ? byHour(from) : List.of();
        List<DayLine> byDay = oneDay ? List.of() : SqlQuery.list(em, "select business_date d, n, amount from day_figure where" + FIGURES
                + "and kind = 'SALES' order by business_date", r -> new DayLine(r.date("d"), r.integer("n"), r.decimal("amount")), period);
        String items = "(select name sku, sum(n) n, sum(units) units, sum(amount) total from day_figure where" + FIGURES + "and kind = 'ITEM' group by name)";
        List<GroupLine> byCategory = SqlQuery.list(em, "select p.category name, sum(x.units) units, sum(x.total) total from " + items
                + " x join product p on p.sku = x.sku group by p.category order by total desc",
                r -> new GroupLine(r.string("name"), r.decimal("units"), r.decimal("total")), period);
        List<GroupLine> byBrand = SqlQuery.list(em, "select p.brand name, sum(x.units) units, sum(x.total) total from " + items
                + " x join product p on p.sku = x.sku group by p.brand order by total desc",
                r -> new GroupLine(r.string("name"), r.decimal("units"), r.decimal("total")), period);
        List<StaffLine> byStaff = SqlQuery.list(em, "select c.code, coalesce(m.name, c.code) name, c.n, c.total from (select name code, sum(n) n, "
                + "sum(amount) total from day_figure where" + FIGURES + "and kind = 'STAFF' group by name) c left join staff m on m.code = c.code "
                + "order by c.total desc, c.code", r -> new StaffLine(r.string("code"), r.string("name"), r.integer("n"), r.decimal("total")), period);
        List<TenderLine> byTender = SqlQuery.list(em, "select name tender, sum(n) n, sum(amount) amount from day_figure where" + FIGURES
                + "and kind = 'TENDER' group by name order by amount desc",
                r -> new TenderLine(r.string("tender"), r.integer("n"), r.decimal("amount")), period);
        // returns refunded in full on the period's days, and the money given back on them by tender
        List<TenderLine> refundsByTender = SqlQuery.list(em, "select name tender, sum(n) n, sum(amount) amount from day_figure where" + FIGURES
                + "and kind = 'REFUND' group by name order by amount desc",
                r -> new TenderLine(r.string("tender"), r.integer("n"), r.decimal("amount")), period);
        String product = "select p.sku, p.name, p.brand, p.model, coalesce(x.units, 0) units, coalesce(x.total, 0) total, coalesce(k.on_hand, 0) stock ";
        List<ProductLine> best = SqlQuery.list(em, product + "from " + items + " x join product p on p.sku = x.sku left join stock k on k.sku = p.sku "
                + "order by x.units desc, x.total desc, p.sku limit " + TOP, StoreReports::productLine, period);
        List<ProductLine> slow = SqlQuery.list(em, product + "from product p left join " + items + " x on x.sku = p.sku left join stock k on k.sku = p.sku "
                + "where p.active order by units, stock desc, p.sku limit " + TOP, StoreReports::productLine, period);
        List<OverShortLine> overShort = overShort(from, to);
        Optional<PeriodReport.TargetLine> target = targets.progress(YearMonth.from(to), to);
        return new PeriodReport(from, to, settings.currency().getCurrencyCode(), transactions, total, average, units,
                ((BigDecimal) sales[3]).subtract(total), voids, cancelled, tally("RETURN", period), byHour, byDay, byCategory, byBrand,
                byStaff, byTender, best, slow, overShort, target, refundsByTender.stream().map(TenderLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                refundsByTender);
    }

    private Tally tally(String kind, Object[] period) {
        return SqlQuery.first(em, "select coalesce(sum(n), 0) n, coalesce(sum(amount), 0) amount from day_figure where" + FIGURES + "and kind = ?",
                r -> new Tally(r.integer("n"), r.decimal("amount")), period[0], period[1], kind).orElseThrow();
    }

    /** The day's sales by the hour of the store's zone they were paid in, every hour of the day. */
    private List<HourLine> byHour(LocalDate day) {
        Map<Integer, HourLine> found = new LinkedHashMap<>();
        SqlQuery.list(em, "select name h, n, amount from day_figure where business_date = ? and kind = 'HOUR'",
                r -> new HourLine(Integer.parseInt(r.string("h")), r.integer("n"), r.decimal("amount")), day).forEach(h -> found.put(h.hour(), h));
        List<HourLine> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(found.getOrDefault(h, new HourLine(h, 0, BigDecimal.ZERO.setScale(2))));
        }
        return hours;
    }

    private List<OverShortLine> overShort(LocalDate from, LocalDate to) {
        record Row(String code, String name, String level, BigDecimal difference) {
        }
        List<Row> rows = SqlQuery.list(em, "select h.opened_by code, coalesce(m.name, h.opened_by) name, h.error_level level, h.difference "
                + "from shift h left join staff m on m.code = h.opened_by where h.business_date between ? and ? and h.status = 'CLOSED'",
                r -> new Row(r.string("code"), r.string("name"), r.string("level"), r.decimal("difference")), from, to);
        Map<String, List<Row>> byCashier = new LinkedHashMap<>();
        rows.forEach(r -> byCashier.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r));
        return byCashier.values().stream().map(list -> new OverShortLine(list.get(0).code(), list.get(0).name(), list.size(),
                        list.stream().map(Row::difference).reduce(BigDecimal.ZERO, BigDecimal::add),
                        list.stream().map(r -> ErrorLevel.valueOf(r.level())).max(Comparator.naturalOrder()).orElse(ErrorLevel.NONE).name()))
                .sorted(Comparator.comparing(OverShortLine::cashierCode)).toList();
    }

    private static ProductLine productLine(SqlQuery.Row r) throws java.sql.SQLException {
        return new ProductLine(r.string("sku"), r.string("name"), r.string("brand"), r.string("model"), r.decimal("units"), r.decimal("total"),
                r.decimal("stock"));
    }
}
