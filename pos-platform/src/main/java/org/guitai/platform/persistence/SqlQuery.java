package org.guitai.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A read in plain SQL on the caller's transaction's connection, after what EclipseLink holds for it:
 * for read models and locks that JPA would only make slower or vaguer (a shift's ledger row, a
 * report's aggregates). Call it in a transaction (the connection is the transaction's). Values are bound as {@link RowBatch} binds them; instants read back as
 * the UTC wall clock they were written as.
 */
public final class SqlQuery {

    /** One row of the answer, read by column label. */
    public static final class Row {

        private final ResultSet rs;

        private Row(ResultSet rs) {
            this.rs = rs;
        }

        public String string(String column) throws SQLException {
            return rs.getString(column);
        }

        public BigDecimal decimal(String column) throws SQLException {
            return rs.getBigDecimal(column);
        }

        public int integer(String column) throws SQLException {
            return rs.getInt(column);
        }

        public long number(String column) throws SQLException {
            return rs.getLong(column);
        }

        public Instant instant(String column) throws SQLException {
            LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
            return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
        }

        public LocalDate date(String column) throws SQLException {
            return rs.getObject(column, LocalDate.class);
        }
    }

    /** Reads one value of type T from a row. */
    @FunctionalInterface
    public interface RowReader<T> {

        T read(Row row) throws SQLException;
    }

    private SqlQuery() {
    }

    public static <T> List<T> list(EntityManager em, String sql, RowReader<T> reader, Object... parameters) {
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                RowBatch.bind(query, i + 1, parameters[i]);
            }
            List<T> found = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                Row row = new Row(rs);
                while (rs.next()) {
                    found.add(reader.read(row));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new PersistenceException("a query failed: " + e.getMessage(), e);
        }
    }

    public static <T> Optional<T> first(EntityManager em, String sql, RowReader<T> reader, Object... parameters) {
        return list(em, sql, reader, parameters).stream().findFirst();
    }
}
