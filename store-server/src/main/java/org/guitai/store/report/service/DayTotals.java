package org.guitai.store.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.store.report.domain.DayFigure;

/**
 * The store's running totals per business day. A posting adds to them in the caller's transaction,
 * with one statement, so that a report of any number of sales reads a few rows per day.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DayTotals {

    @PersistenceContext(unitName = "store")
    EntityManager em;

    private static final RowBatch.Table FIGURE = RowBatch.table("day_figure",
            List.of("business_date", "kind", "name", "n", "units", "amount", "list_amount"));
    private static final String ADD = "n = n + values(n), units = units + values(units), amount = amount + values(amount), "
            + "list_amount = list_amount + values(list_amount)";

    /** Adds the figures to the day's totals (creating those the day does not have yet), now. */
    public void post(LocalDate day, List<DayFigure> figures) {
        RowBatch rows = new RowBatch();
        post(day, figures, rows);
        rows.execute(em);
    }

    /** The same in the batch's round trip, one statement, rows in the order of their keys. */
    public void post(LocalDate day, List<DayFigure> figures, RowBatch rows) {
        rows.upsertRows(FIGURE, DayFigure.merged(figures).stream()
                .map(f -> List.<Object>of(day, f.kind().name(), f.name(), f.n(), f.units(), f.amount(), f.listAmount())).toList(), ADD);
    }
}
