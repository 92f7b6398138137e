package org.guitai.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gapless sequences (slip numbers, invoice numbers): the next number of a counter row, taken in the
 * caller's transaction with one statement that also locks the row until that transaction ends. A
 * number is used only if the transaction commits, and two transactions never get the same one.
 * The row stays locked until commit, so callers take the number as late as they can.
 */
public final class GaplessNumbers {

    /** The number in hand is kept in LAST_INSERT_ID, which the server returns with the update. */
    private static final String TAKE = "update number_counter set next_value = last_insert_id(next_value) + 1 where name = ?";

    private GaplessNumbers() {
    }

    /** A number taken with the update sent just before it, and the rows that update changed. */
    public record Taken(int changedBefore, long number) {
    }

    /**
     * The next number, taken in the same round trip as {@code before}, which runs first (e.g. the
     * stock a paid sale takes): the counter's row is then locked only from that round trip on.
     * The number is read back with the changed rows in one request, which needs the connection's
     * allowMultiQueries (see {@link PosDataSource}).
     */
    public static Taken nextAfter(EntityManager em, String counter, Update before) {
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement both = connection.prepareStatement(before.sql() + ";\n" + TAKE + ";\nselect last_insert_id()")) {
            before.bind(both, 0);
            both.setString(before.parameters().size() + 1, counter);
            both.execute();
            int changed = both.getUpdateCount();
            both.getMoreResults();
            if (both.getUpdateCount() != 1) {
                throw new IllegalStateException("no number counter '" + counter + "' (see the migrations)");
            }
            if (!both.getMoreResults()) {
                throw new IllegalStateException("the database did not return the number taken from '" + counter + "'");
            }
            try (ResultSet taken = both.getResultSet()) {
                taken.next();
                return new Taken(changed, taken.getLong(1));
            }
        } catch (SQLException e) {
            throw new PersistenceException("an update and taking the next number of '" + counter + "' failed: " + e.getMessage(), e);
        }
    }

    public static long next(EntityManager em, String counter) {
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement take = connection.prepareStatement(TAKE, Statement.RETURN_GENERATED_KEYS)) {
            take.setString(1, counter);
            if (take.executeUpdate() != 1) {
                throw new IllegalStateException("no number counter '" + counter + "' (see the migrations)");
            }
            try (ResultSet taken = take.getGeneratedKeys()) {
                if (!taken.next()) {
                    throw new IllegalStateException("the database did not return the number taken from '" + counter + "'");
                }
                return taken.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("taking the next number of '" + counter + "' failed", e);
        }
    }
}
