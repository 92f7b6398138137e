package org.guitai.store.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.guitai.platform.persistence.Update;
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

    /** Adds the figures to the day's totals (creating those the day does not have yet). */
    public void post(LocalDate day, List<DayFigure> figures) {
        List<DayFigure> merged = DayFigure.merged(figures);
        if (merged.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        for (DayFigure f : merged) {
            parameters.addAll(List.of(day, f.kind().name(), f.name(), f.n(), f.units(), f.amount(), f.listAmount()));
        }
        new Update("insert into day_figure (business_date, kind, name, n, units, amount, list_amount) values "
                + String.join(", ", Collections.nCopies(merged.size(), "(?, ?, ?, ?, ?, ?, ?)"))
                + " on duplicate key update n = n + values(n), units = units + values(units), amount = amount + values(amount), "
                + "list_amount = list_amount + values(list_amount)", parameters).execute(em);
    }
}
