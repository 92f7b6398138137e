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
 * The store's reports, aggregated in the database from the posted sales of the period (a sale is
 * posted once it is stamped paid; it belongs to its business day) and the shifts closed in it.
 * Each figure is one indexed aggregate over the period's sales (sale by business day, its lines
 * and tenders by sale), never a walk through rows in Java.
 */
@ApplicationScoped
@Transactional
public class StoreReports {

    /** The posted sales of the period. */
    private static final String POSTED = " s.business_date between ? and ? and s.paid_at is not null ";
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
        var totals = SqlQuery.first(em, "select count(*) n, coalesce(sum(s.total), 0) total from sale s where" + POSTED,
                r -> new Tally(r.integer("n"), r.decimal("total")), period).orElseThrow();
        var lines = SqlQuery.first(em, "select coalesce(sum(l.quantity), 0) units, coalesce(sum(round(l.list_price * l.quantity, 2)), 0) list "
                        + "from sale s join sale_line l on l.sale_id = s.id where" + POSTED + "and not l.voided",
                r -> new BigDecimal[] {r.decimal("units"), r.decimal("list")}, period).orElseThrow();
        BigDecimal average = totals.count() == 0 ? BigDecimal.ZERO.setScale(2)
                : totals.amount().divide(BigDecimal.valueOf(totals.count()), 2, RoundingMode.HALF_UP);
        Tally voids = SqlQuery.first(em, "select count(*) n, coalesce(sum(l.amount), 0) amount from sale s join sale_line l on l.sale_id = s.id "
                + "where s.business_date between ? and ? and l.voided", r -> new Tally(r.integer("n"), r.decimal("amount")), period).orElseThrow();
        Tally cancelled = SqlQuery.first(em, "select count(*) n, coalesce(sum(s.total), 0) amount from sale s where s.business_date between ? and ? "
                + "and s.status = 'CANCELLED'", r -> new Tally(r.integer("n"), r.decimal("amount")), period).orElseThrow();
        boolean oneDay = from.equals(to);
        List<HourLine> byHour = oneDay ? byHour(from) : List.of();
        List<DayLine> byDay = oneDay ? List.of() : SqlQuery.list(em, "select s.business_date d, count(*) n, sum(s.total) total from sale s where"
                + POSTED + "group by s.business_date order by s.business_date", r -> new DayLine(r.date("d"), r.integer("n"), r.decimal("total")), period);
        List<GroupLine> byCategory = SqlQuery.list(em, "select p.category name, sum(l.quantity) units, sum(l.amount) total from sale s "
                + "join sale_line l on l.sale_id = s.id join product p on p.sku = l.sku where" + POSTED + "and not l.voided "
                + "group by p.category order by total desc", r -> new GroupLine(r.string("name"), r.decimal("units"), r.decimal("total")), period);
        List<GroupLine> byBrand = SqlQuery.list(em, "select l.brand name, sum(l.quantity) units, sum(l.amount) total from sale s "
                + "join sale_line l on l.sale_id = s.id where" + POSTED + "and not l.voided group by l.brand order by total desc",
                r -> new GroupLine(r.string("name"), r.decimal("units"), r.decimal("total")), period);
        List<StaffLine> byStaff = SqlQuery.list(em, "select c.code, coalesce(m.name, c.code) name, c.n, c.total from (select coalesce(s.associate_code, "
                + "s.cashier_code) code, count(*) n, sum(s.total) total from sale s where" + POSTED + "group by code) c left join staff m on m.code = c.code "
                + "order by c.total desc", r -> new StaffLine(r.string("code"), r.string("name"), r.integer("n"), r.decimal("total")), period);
        List<TenderLine> byTender = SqlQuery.list(em, "select p.tender, count(*) n, sum(p.applied) amount from sale s join payment p on p.sale_id = s.id "
                + "left join check_clearance k on k.payment_id = p.id where" + POSTED + "and (k.outcome is null or k.outcome <> 'BOUNCED') "
                + "group by p.tender order by amount desc", r -> new TenderLine(r.string("tender"), r.integer("n"), r.decimal("amount")), period);
        String sold = "(select l.sku, sum(l.quantity) units, sum(l.amount) total from sale s join sale_line l on l.sale_id = s.id where" + POSTED
                + "and not l.voided group by l.sku)";
        String product = "select p.sku, p.name, p.brand, p.model, coalesce(x.units, 0) units, coalesce(x.total, 0) total, coalesce(k.on_hand, 0) stock ";
        List<ProductLine> best = SqlQuery.list(em, product + "from " + sold + " x join product p on p.sku = x.sku left join stock k on k.sku = p.sku "
                + "order by x.units desc, x.total desc, p.sku limit " + TOP, StoreReports::productLine, period);
        List<ProductLine> slow = SqlQuery.list(em, product + "from product p left join " + sold + " x on x.sku = p.sku left join stock k on k.sku = p.sku "
                + "where p.active order by units, stock desc, p.sku limit " + TOP, StoreReports::productLine, period);
        List<OverShortLine> overShort = overShort(from, to);
        Optional<PeriodReport.TargetLine> target = targets.progress(YearMonth.from(to), to);
        return new PeriodReport(from, to, settings.currency().getCurrencyCode(), totals.count(), totals.amount(), average, lines[0],
                lines[1].subtract(totals.amount()), voids, cancelled, new Tally(0, BigDecimal.ZERO.setScale(2)), byHour, byDay, byCategory, byBrand,
                byStaff, byTender, best, slow, overShort, target);
    }

    /** The day's sales by the hour they were paid in, in the store's zone (at its offset on that day). */
    private List<HourLine> byHour(LocalDate day) {
        int offset = settings.zone().getRules().getOffset(day.atStartOfDay(settings.zone()).toInstant()).getTotalSeconds();
        Map<Integer, HourLine> found = new LinkedHashMap<>();
        SqlQuery.list(em, "select hour(s.paid_at + interval ? second) h, count(*) n, sum(s.total) total from sale s where s.business_date = ? "
                + "and s.paid_at is not null group by h", r -> new HourLine(r.integer("h"), r.integer("n"), r.decimal("total")), offset, day)
                .forEach(h -> found.put(h.hour(), h));
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
