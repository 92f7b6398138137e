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
import java.util.List;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.report.domain.ReportMonth;
import org.guitai.hq.report.domain.ReportPeriod;
import org.guitai.hq.report.service.ChainReports;
import org.guitai.hq.report.service.StaffReview;
import org.guitai.platform.security.CurrentCaller;

@Path("reports")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class ReportsResource {

    @Inject
    ChainReports reports;

    @Inject
    StaffReview staff;

    @Inject
    CurrentCaller caller;

    @Inject
    HqSettings settings;

    @Inject
    Clock clock;

    /**
     * Sales (gross), returns and refunds per store and in total for business dates {@code from}..{@code to} (inclusive;
     * default today).
     */
    @GET
    @Path("chain")
    public ChainReportView chain(@QueryParam("from") String from, @QueryParam("to") String to) {
        return ChainReportView.of(reports.chain(ReportPeriod.requested(from, to, today()), caller.get()));
    }

    /** Each member's month: net sales (less refunds), transactions, units and the STAFF_ERROR returns attributed to them. */
    @GET
    @Path("staff")
    public List<StaffReviewView> staff(@QueryParam("month") String month) {
        return StaffReviewView.of(staff.month(ReportMonth.requested(month, today()), caller.get()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }
}
