package org.guitai.store.audit.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.audit.domain.AuditEntry;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;

/** The audit log of a business day (or of one sale), for the store manager. */
@Path("audit")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class AuditResource {

    private static final int LIMIT = 5000;

    public record EntryView(long seq, String at, String event, String requestedBy, String approvedBy, String terminalId,
                            String saleId, String subject, String detail) {

        static EntryView of(AuditEntry e) {
            return new EntryView(e.seq(), e.at().toString(), e.event(), e.requestedBy(), e.approvedBy(), e.terminalId(), e.saleId(),
                    e.subject(), e.detail());
        }
    }

    @Inject
    AuditLog audit;

    @Inject
    CurrentCaller caller;

    @Inject
    StoreSettings settings;

    @GET
    public List<EntryView> entries(@QueryParam("date") String date, @QueryParam("saleId") String saleId) {
        if (saleId != null && !saleId.isBlank()) {
            return audit.forSale(saleId.trim(), caller.get()).stream().map(EntryView::of).toList();
        }
        ZoneId zone = settings.zone();
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(zone) : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date '" + date + "' is not a date YYYY-MM-DD");
        }
        return audit.between(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), LIMIT, caller.get())
                .stream().map(EntryView::of).toList();
    }
}
