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
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.report.domain.ReportPeriod;
import org.guitai.hq.report.service.ChainReports;
import org.guitai.platform.security.CurrentCaller;

@Path("reports")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class ReportsResource {

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
        return ChainReportView.of(reports.chain(ReportPeriod.requested(from, to, today), caller.get()));
    }
}
