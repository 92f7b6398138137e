package org.guitai.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * New rows of several tables sent to the database together, in one round trip, on the caller's
 * transaction's connection: a whole aggregate (a submitted sale with its lines and tenders) and the
 * outbox event that goes with it. The statements run in the order they were added (parents before
 * children); one that fails (a duplicate key) fails the batch, and the transaction must roll back.
 * Values are bound as parameters, never spliced into the text. Instants are written as UTC, as
 * {@link InstantConverter} writes them for JPA.
 * <p>
 * The connection must allow several statements in one request ({@code allowMultiQueries}, which
 * {@link PosDataSource} sets); a single-table insert of n rows is one statement.
 */
public final class RowBatch {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();
    /** What each statement must change; {@link #ANY} for an upsert. */
    private final List<Integer> expectedRows = new ArrayList<>();
    private static final int ANY = -1;

    /**
     * A table and the columns written to it, checked and turned into text once: a constant of the
     * code that writes the rows. Names are the code's own words, never input: nothing but them goes
     * into the text.
     */
    public record Table(String name, List<String> columns, String insertInto, String row) {
    }

    public static Table table(String name, List<String> columns) {
        requireName(name);
        columns.forEach(RowBatch::requireName);
        return new Table(name, List.copyOf(columns), "insert into " + name + " (" + String.join(", ", columns) + ") values ",
                "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")");
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table or column name: " + name);
        }
    }

    /** One statement inserting {@code rows} (each a value per column, in the columns' order) into {@code table}; no rows, no statement. */
    public RowBatch insertRows(Table table, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return this;
        }
        for (List<?> row : rows) {
            if (row.size() != table.columns().size()) {
                throw new IllegalArgumentException(table.name() + ": " + row.size() + " values for " + table.columns().size() + " columns");
            }
        }
        if (!sql.isEmpty()) {
            sql.append(";\n");
        }
        sql.append(table.insertInto()).append(String.join(", ", Collections.nCopies(rows.size(), table.row())));
        rows.forEach(values::addAll);
        expectedRows.add(rows.size());
        return this;
    }

    /** One row into {@code table}. */
    public RowBatch insert(Table table, Object... row) {
        return insertRows(table, List.of(Arrays.asList(row)));
    }

    /**
     * One statement that adds {@code rows} to {@code table}, or on a duplicate key applies
     * {@code onDuplicateKeyUpdate} (the text after {@code ON DUPLICATE KEY UPDATE}, the code's own
     * words, never input) to the row that is there: running totals. The rows it changes are not
     * checked, since MariaDB counts an insert as one and an update as two.
     */
    public RowBatch upsertRows(Table table, List<? extends List<?>> rows, String onDuplicateKeyUpdate) {
        if (rows.isEmpty()) {
            return this;
        }
        insertRows(table, rows);
        sql.append(" on duplicate key update ").append(onDuplicateKeyUpdate);
        expectedRows.set(expectedRows.size() - 1, ANY);
        return this;
    }

    /** One statement that changes existing rows: an update, which must change exactly {@code expected} rows. */
    public RowBatch update(Update update, int expected) {
        if (!sql.isEmpty()) {
            sql.append(";\n");
        }
        sql.append(update.sql());
        values.addAll(update.parameters());
        expectedRows.add(expected);
        return this;
    }

    public boolean isEmpty() {
        return expectedRows.isEmpty();
    }

    /** The statements as they will be sent, for tests and for reading a failure. */
    public String sql() {
        return sql.toString();
    }

    /**
     * Sends every statement in one round trip in the transaction {@code em} takes part in (after
     * what EclipseLink holds for it), and checks that each changed the rows it should.
     *
     * @throws PersistenceException with the driver's {@link SQLException} as cause (see {@link DuplicateKeys})
     */
    public void execute(EntityManager em) {
        if (isEmpty()) {
            return;
        }
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                bind(statement, i + 1, values.get(i));
            }
            statement.execute();
            for (int i = 0; i < expectedRows.size(); i++) {
                if (i > 0 && !statement.getMoreResults() && statement.getUpdateCount() == -1) {
                    throw new PersistenceException("the database answered " + i + " of " + expectedRows.size() + " statements");
                }
                int changed = statement.getUpdateCount();
                if (expectedRows.get(i) != ANY && changed != expectedRows.get(i)) {
                    throw new PersistenceException("statement " + (i + 1) + " of a row batch changed " + changed + " rows, not "
                            + expectedRows.get(i));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("writing " + expectedRows.size() + " statements failed: " + e.getMessage(), e);
        }
    }

    static void bind(PreparedStatement statement, int position, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.NULL);
        } else if (value instanceof String s) {
            statement.setString(position, s);
        } else if (value instanceof BigDecimal d) {
            statement.setBigDecimal(position, d);
        } else if (value instanceof Integer n) {
            statement.setInt(position, n);
        } else if (value instanceof Long n) {
            statement.setLong(position, n);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(position, b);
        } else if (value instanceof Instant t) {
            // the UTC wall clock as it is, not through the JVM's zone
            statement.setObject(position, InstantConverter.utc(t));
        } else if (value instanceof LocalDate d) {
            statement.setObject(position, d);
        } else if (value instanceof Enum<?> e) {
            statement.setString(position, e.name());
        } else {
            throw new IllegalArgumentException("no column type for " + value.getClass().getName());
        }
    }
}
