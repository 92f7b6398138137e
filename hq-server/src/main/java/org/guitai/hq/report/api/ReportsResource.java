package org.guitai.hq.report.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.report.service.ChainReports;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;

@Path("reports")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class ReportsResource {

    private static final int MAX_DAYS = 366;

    @Inject
    ChainReports reports;

    @Inject
    CurrentCaller caller;

    @Inject
    HqSettings settings;

    @Inject
    Clock clock;

    /** Sales per store and in total for business dates {@code from}..{@code to} (inclusive; default today). */
    @GET
    @Path("chain")
    public ChainReportView chain(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate start = date("from", from, today);
        LocalDate end = date("to", to, to == null && from != null ? start : today);
        if (end.isBefore(start)) {
            throw new InvalidRequestException("'to' (" + end + ") is before 'from' (" + start + ")");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidRequestException("a chain report covers at most " + MAX_DAYS + " days");
        }
        return ChainReportView.of(reports.chain(start, end, caller.get()));
    }

    private static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " '" + value + "' is not a date YYYY-MM-DD");
        }
    }
}
