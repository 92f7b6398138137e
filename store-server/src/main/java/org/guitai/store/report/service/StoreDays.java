package org.guitai.store.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.platform.persistence.SqlQuery;
import org.guitai.platform.security.Caller;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.report.domain.PeriodReport;
import org.guitai.store.report.domain.ReportRuleException;
import org.guitai.store.staff.domain.Role;

/** The store's business day: closed by a manager once every shift of it is closed, with its daily report kept as it stood. */
@ApplicationScoped
@Transactional
public class StoreDays {

    private static final RowBatch.Table DAY_CLOSE = RowBatch.table("day_close", List.of("business_date", "closed_by", "closed_at", "report"));

    /** Who closed the day, and when. */
    public record DayClosed(String closedBy, Instant closedAt) {
    }

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    StoreReports reports;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    /**
     * Closes the day and answers its daily report; closing it again answers the same. Refused while a
     * shift of the day (or an earlier one) is open, and for a day that has not begun.
     */
    public PeriodReport close(LocalDate day, Caller caller) {
        caller.require("closing the day", Role.STORE_MANAGER);
        if (closed(day).isPresent()) {
            return reports.period(day, day, caller);
        }
        if (day.isAfter(LocalDate.now(clock.withZone(settings.zone())))) {
            throw new ReportRuleException("day-not-begun", "Day not begun", day + " has not begun at this store");
        }
        List<String> open = SqlQuery.list(em, "select concat(id, ' (', terminal_id, ')') s from shift where status = 'OPEN' and business_date <= ? "
                + "order by opened_at for update", r -> r.string("s"), day);
        if (!open.isEmpty()) {
            throw new ReportRuleException("shifts-open", 409, "Shifts still open", "close every shift of " + day + " first: " + String.join(", ", open),
                    Map.of("shifts", open));
        }
        PeriodReport report = reports.period(day, day, caller);
        String json;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(report);
        } catch (Exception e) {
            throw new IllegalStateException("the daily report of " + day + " cannot be kept: " + e.getMessage(), e);
        }
        new RowBatch().insert(DAY_CLOSE, day, caller.staffCode(), clock.instant(), json).execute(em);
        audit.record(AuditEvent.DAY_CLOSED, AuditLog.Who.of(caller), null, day.toString(), "day closed: " + report.transactions() + " sales, "
                + report.total().toPlainString());
        return report;
    }

    /** Read in a transaction: its plain SQL runs on the transaction's connection. */
    public Optional<DayClosed> closed(LocalDate day) {
        return SqlQuery.first(em, "select closed_by, closed_at from day_close where business_date = ?",
                r -> new DayClosed(r.string("closed_by"), r.instant("closed_at")), day);
    }
}
