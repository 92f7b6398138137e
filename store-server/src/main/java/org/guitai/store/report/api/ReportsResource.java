package org.guitai.store.report.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.report.domain.PeriodReport;
import org.guitai.store.report.service.StoreDays;
import org.guitai.store.report.service.StoreReports;

/**
 * The 销售日报 and its weekly (Monday to Sunday) and monthly sums, as JSON or, with
 * {@code ?format=csv}, as a CSV file; and the day close.
 */
@Path("")
@ApplicationScoped
public class ReportsResource {

    @Inject
    StoreReports reports;

    @Inject
    StoreDays days;

    @Inject
    CurrentCaller caller;

    @Inject
    StoreSettings settings;

    @GET
    @Path("reports/daily")
    @Produces({APPLICATION_JSON, "text/csv"})
    public Response daily(@QueryParam("date") String date, @QueryParam("format") String format) {
        Caller who = caller.get();
        LocalDate day = date(date);
        var closed = days.closed(day);
        return answer(ReportView.of(reports.period(day, day, who), true, closed.isPresent(), closed.map(StoreDays.DayClosed::closedBy).orElse(null)),
                format, "daily-" + day);
    }

    @GET
    @Path("reports/weekly")
    @Produces({APPLICATION_JSON, "text/csv"})
    public Response weekly(@QueryParam("date") String date, @QueryParam("format") String format) {
        Caller who = caller.get();
        LocalDate monday = date(date).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return answer(ReportView.of(reports.period(monday, monday.plusDays(6), who), false, null, null), format, "weekly-" + monday);
    }

    @GET
    @Path("reports/monthly")
    @Produces({APPLICATION_JSON, "text/csv"})
    public Response monthly(@QueryParam("month") String month, @QueryParam("format") String format) {
        Caller who = caller.get();
        YearMonth m = month(month);
        return answer(ReportView.of(reports.period(m.atDay(1), m.atEndOfMonth(), who), false, null, null), format, "monthly-" + m);
    }

    /** Closes the business day once every shift of it is closed; answers its daily report. */
    @POST
    @Path("days/{date}/close")
    @Produces(APPLICATION_JSON)
    public ReportView closeDay(@PathParam("date") String date) {
        Caller who = caller.get();
        LocalDate day = date(date);
        PeriodReport report = days.close(day, who);
        return ReportView.of(report, true, true, days.closed(day).map(StoreDays.DayClosed::closedBy).orElse(who.staffCode()));
    }

    private LocalDate date(String date) {
        try {
            return date == null || date.isBlank() ? LocalDate.now(settings.zone()) : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date '" + date + "' is not a date YYYY-MM-DD");
        }
    }

    static YearMonth month(String month) {
        try {
            return YearMonth.parse(month == null ? "" : month.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month '" + month + "' is not a month YYYY-MM");
        }
    }

    private static Response answer(ReportView view, String format, String name) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return Response.ok(view, APPLICATION_JSON).build();
        }
        if (!format.equalsIgnoreCase("csv")) {
            throw new InvalidRequestException("format '" + format + "' is not json or csv");
        }
        return Response.ok(csv(view), "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    /** The report as one table: section, name, count or units, amount. */
    static String csv(ReportView v) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("section", "name", "count", "amount").get())) {
            csv.printRecord("period", v.from() + ".." + v.to(), v.transactions(), v.total());
            csv.printRecord("average ticket", "", "", v.averageTicket());
            csv.printRecord("units", "", v.units(), "");
            csv.printRecord("discounts", "", "", v.discounts());
            csv.printRecord("voids", "", v.voids().count(), v.voids().amount());
            csv.printRecord("cancelled", "", v.cancelled().count(), v.cancelled().amount());
            csv.printRecord("returns", "", v.returns().count(), v.returns().amount());
            csv.printRecord("refunded", "", "", v.refunded());
            for (var t : v.refundsByTender()) {
                csv.printRecord("refund", t.tender(), t.count(), t.amount());
            }
            if (v.byHour() != null) {
                for (var h : v.byHour()) {
                    csv.printRecord("hour", String.format("%02d:00", h.hour()), h.transactions(), h.total());
                }
            }
            if (v.byDay() != null) {
                for (var d : v.byDay()) {
                    csv.printRecord("day", d.date(), d.transactions(), d.total());
                }
            }
            for (var c : v.byCategory()) {
                csv.printRecord("category", c.category(), c.units(), c.total());
            }
            for (var b : v.byBrand()) {
                csv.printRecord("brand", b.brand(), b.units(), b.total());
            }
            for (var s : v.byStaff()) {
                csv.printRecord("staff", s.staffCode() + " " + s.name(), s.transactions(), s.total());
            }
            for (var t : v.byTender()) {
                csv.printRecord("tender", t.tender(), t.count(), t.amount());
            }
            for (var p : v.bestSellers()) {
                csv.printRecord("best seller", p.sku() + " " + p.brand() + " " + p.model() + " (stock " + p.stock() + ")", p.units(), p.total());
            }
            for (var p : v.slowSellers()) {
                csv.printRecord("slow seller", p.sku() + " " + p.brand() + " " + p.model() + " (stock " + p.stock() + ")", p.units(), p.total());
            }
            for (var o : v.overShort()) {
                csv.printRecord("over/short", o.cashierCode() + " " + o.name() + " " + o.worstErrorLevel(), o.shifts(), o.difference());
            }
            if (v.target() != null) {
                csv.printRecord("target", v.target().month() + " attainment " + v.target().attainment(), "", v.target().amount());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
