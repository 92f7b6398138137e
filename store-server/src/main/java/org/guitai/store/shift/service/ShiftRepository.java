package org.guitai.store.shift.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.platform.persistence.SqlQuery;
import org.guitai.platform.persistence.Update;
import org.guitai.store.shift.domain.CashMovement;
import org.guitai.store.shift.domain.DrawerCount;
import org.guitai.store.shift.domain.ErrorLevel;
import org.guitai.store.shift.domain.Ledger;
import org.guitai.store.shift.domain.LedgerItem;
import org.guitai.store.shift.domain.Shift;

/**
 * Shifts in plain SQL: the ledger is one row of running totals that postings add to in one
 * statement, guarded by the row's status, so a posting can never land in a closed shift.
 */
@ApplicationScoped
public class ShiftRepository {

    private static final String LEDGER_COLUMNS = Arrays.stream(LedgerItem.values()).map(LedgerItem::column).collect(Collectors.joining(", "));
    private static final String COLUMNS = "select id, terminal_id, opened_by, status, currency, business_date, opened_at, float_amount, "
            + LEDGER_COLUMNS + ", closed_at, closed_by, expected_cash, counted_cash, difference, error_level, approved_by from shift ";
    private static final RowBatch.Table SHIFT = RowBatch.table("shift",
            List.of("id", "terminal_id", "opened_by", "status", "currency", "business_date", "opened_at", "float_amount"));
    private static final RowBatch.Table COUNT = RowBatch.table("shift_cash_count", List.of("shift_id", "kind", "denomination", "count"));
    private static final RowBatch.Table MOVEMENT = RowBatch.table("cash_movement",
            List.of("id", "shift_id", "type", "amount", "currency", "reason", "staff_code", "approved_by", "created_at"));
    private static final RowBatch.Table VIOLATION = RowBatch.table("cash_violation",
            List.of("shift_id", "staff_code", "year", "number", "difference", "error_level", "recorded_at"));

    @PersistenceContext(unitName = "store")
    EntityManager em;

    public Optional<Shift> find(String id) {
        return SqlQuery.first(em, COLUMNS + "where id = ?", this::shift, id);
    }

    /** The shift locked until the transaction ends: a close and a posting take turns. */
    public Optional<Shift> findForUpdate(String id) {
        return SqlQuery.first(em, COLUMNS + "where id = ? for update", this::shift, id);
    }

    /** The terminal's open shift, read as it stands. */
    public Optional<Shift> openAt(String terminalId) {
        return SqlQuery.first(em, COLUMNS + "where open_terminal = ?", this::shift, terminalId);
    }

    /** The id of the terminal's open shift, read as it stands (no lock: sales submitted at once would wait for each other). */
    public Optional<String> openIdAt(String terminalId) {
        return SqlQuery.first(em, "select id from shift where open_terminal = ?", r -> r.string("id"), terminalId);
    }

    /** The id of the terminal's open shift, kept open until the transaction ends (a close waits for it). */
    public Optional<String> openIdAtShared(String terminalId) {
        return SqlQuery.first(em, "select id from shift where open_terminal = ? lock in share mode", r -> r.string("id"), terminalId);
    }

    public List<Shift> list(Optional<Shift.Status> status, Optional<LocalDate> day, Optional<String> terminalId) {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        status.ifPresent(s -> {
            where.add("status = ?");
            parameters.add(s.name());
        });
        day.ifPresent(d -> {
            where.add("business_date = ?");
            parameters.add(d);
        });
        terminalId.ifPresent(t -> {
            where.add("terminal_id = ?");
            parameters.add(t);
        });
        String filter = where.isEmpty() ? "" : "where " + String.join(" and ", where) + " ";
        return SqlQuery.list(em, COLUMNS + filter + "order by opened_at desc limit 500", this::shift, parameters.toArray());
    }

    public void insert(Shift shift) {
        RowBatch rows = new RowBatch();
        rows.insert(SHIFT, shift.id(), shift.terminalId(), shift.openedBy(), shift.status().name(), shift.currency().getCurrencyCode(),
                shift.businessDate(), shift.openedAt(), shift.openingFloat());
        rows.insertRows(COUNT, counts(shift.id(), "FLOAT", shift.floatCount()));
        rows.execute(em);
    }

    /**
     * Adds the posting to the shift's running totals if the shift is still open.
     *
     * @return false when the shift is closed (nothing was added)
     */
    public boolean post(String shiftId, Ledger posting) {
        if (posting.isEmpty()) {
            return find(shiftId).map(Shift::isOpen).orElse(false);
        }
        return posting(shiftId, posting).execute(em) == 1;
    }

    /**
     * Adds the posting to the shift's running totals in the batch's round trip: the shift must be
     * open then, or the batch fails (for a shift the caller's transaction found open just before).
     */
    public void post(String shiftId, Ledger posting, RowBatch rows) {
        if (!posting.isEmpty()) {
            rows.update(posting(shiftId, posting), 1);
        }
    }

    /** One update adding each item of the posting to its column, of the shift while it is open. */
    private static Update posting(String shiftId, Ledger posting) {
        StringBuilder sql = new StringBuilder("update shift set ");
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<LedgerItem, BigDecimal> e : posting.values().entrySet()) {
            if (!parameters.isEmpty()) {
                sql.append(", ");
            }
            sql.append(e.getKey().column()).append(" = ").append(e.getKey().column()).append(" + ?");
            parameters.add(e.getKey().isCount() ? (Object) e.getValue().intValueExact() : e.getValue());
        }
        sql.append(" where id = ? and status = 'OPEN'");
        parameters.add(shiftId);
        return new Update(sql.toString(), parameters);
    }

    public void addMovement(CashMovement movement, String currency) {
        new RowBatch().insert(MOVEMENT, movement.id(), movement.shiftId(), movement.type().name(), movement.amount(), currency,
                movement.reason(), movement.staffCode(), movement.approvedBy().orElse(null), movement.at()).execute(em);
    }

    public Optional<CashMovement> movement(String id) {
        return SqlQuery.first(em, "select id, shift_id, type, amount, reason, staff_code, approved_by, created_at from cash_movement where id = ?",
                this::movement, id);
    }

    public List<CashMovement> movements(String shiftId) {
        return SqlQuery.list(em, "select id, shift_id, type, amount, reason, staff_code, approved_by, created_at from cash_movement "
                + "where shift_id = ? order by created_at", this::movement, shiftId);
    }

    /** The sales of the shift the customer has not finished paying for (they keep it open). */
    public List<String> unfinishedSales(String shiftId) {
        return SqlQuery.list(em, "select id from sale where shift_id = ? and status in ('OPEN', 'CONFIRMED') order by opened_at",
                r -> r.string("id"), shiftId);
    }

    /** How many cash violations the staff member has on record in the year. */
    public int violations(String staffCode, int year) {
        return SqlQuery.first(em, "select count(*) n from cash_violation where staff_code = ? and year = ?", r -> r.integer("n"), staffCode, year)
                .orElse(0);
    }

    /** Writes the close (the count, the comparison, the grade and, for a violation, the cashier's record) in one round trip. */
    public void close(Shift shift, Shift.Close close, int violationNumber) {
        RowBatch rows = new RowBatch();
        rows.insertRows(COUNT, counts(shift.id(), "CLOSE", close.counted()));
        if (close.errorLevel().isViolation()) {
            rows.insert(VIOLATION, shift.id(), shift.openedBy(), shift.businessDate().getYear(), violationNumber, close.difference(),
                    close.errorLevel().name(), close.closedAt());
        }
        rows.execute(em);
        int changed = new Update("update shift set status = 'CLOSED', closed_at = ?, closed_by = ?, expected_cash = ?, counted_cash = ?, "
                + "difference = ?, error_level = ?, approved_by = ? where id = ? and status = 'OPEN'",
                Arrays.asList(close.closedAt(), close.closedBy(), close.expectedCash(), close.countedCash(), close.difference(),
                        close.errorLevel().name(), close.approvedBy().orElse(null), shift.id())).execute(em);
        if (changed != 1) {
            throw new IllegalStateException("shift " + shift.id() + " was not open when it was closed");
        }
    }

    private static List<List<Object>> counts(String shiftId, String kind, DrawerCount count) {
        return count.pieces().stream().map(p -> List.<Object>of(shiftId, kind, p.denomination(), p.count())).toList();
    }

    private DrawerCount count(String shiftId, String kind) {
        return new DrawerCount(SqlQuery.list(em, "select denomination, count from shift_cash_count where shift_id = ? and kind = ? "
                + "order by denomination desc", r -> new DrawerCount.Piece(r.decimal("denomination"), r.integer("count")), shiftId, kind));
    }

    private Shift shift(SqlQuery.Row r) throws SQLException {
        EnumMap<LedgerItem, BigDecimal> totals = new EnumMap<>(LedgerItem.class);
        for (LedgerItem item : LedgerItem.values()) {
            totals.put(item, r.decimal(item.column()));
        }
        String id = r.string("id");
        Instant closedAt = r.instant("closed_at");
        Shift.Status status = Shift.Status.valueOf(r.string("status"));
        Optional<Shift.Close> close = status == Shift.Status.OPEN ? Optional.empty() : Optional.of(new Shift.Close(closedAt,
                r.string("closed_by"), null, r.decimal("expected_cash"), r.decimal("counted_cash"), r.decimal("difference"),
                ErrorLevel.valueOf(r.string("error_level")), Optional.ofNullable(r.string("approved_by"))));
        return new Shift(id, r.string("terminal_id"), r.string("opened_by"), status, Currency.getInstance(r.string("currency")),
                r.date("business_date"), r.instant("opened_at"), r.decimal("float_amount"), null, Ledger.of(totals), close);
    }

    /** The shift with its counts, which the row reader leaves out (a second query cannot run while the first one's rows are read). */
    public Shift withCounts(Shift s) {
        return new Shift(s.id(), s.terminalId(), s.openedBy(), s.status(), s.currency(), s.businessDate(), s.openedAt(), s.openingFloat(),
                count(s.id(), "FLOAT"), s.ledger(), s.close().map(c -> new Shift.Close(c.closedAt(), c.closedBy(), count(s.id(), "CLOSE"),
                        c.expectedCash(), c.countedCash(), c.difference(), c.errorLevel(), c.approvedBy())));
    }

    private CashMovement movement(SqlQuery.Row r) throws SQLException {
        return new CashMovement(r.string("id"), r.string("shift_id"), CashMovement.Type.valueOf(r.string("type")), r.decimal("amount"),
                r.string("reason"), r.string("staff_code"), Optional.ofNullable(r.string("approved_by")), r.instant("created_at"));
    }
}
