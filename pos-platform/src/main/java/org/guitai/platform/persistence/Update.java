package org.guitai.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One update of the caller's, sent on its transaction's connection after what EclipseLink holds for
 * that transaction: for statements whose text changes with their input (a JPA native query would
 * be parsed and prepared afresh each time), or that go in one round trip with another
 * ({@link GaplessNumbers#nextAfter}). Values are bound as {@link RowBatch} binds them.
 */
public record Update(String sql, List<Object> parameters) {

    public Update {
        // a copy that may hold nulls (SQL NULL)
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** @return the rows it changed */
    public int execute(EntityManager em) {
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, 0);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("an update failed: " + e.getMessage(), e);
        }
    }

    /** Binds the parameters after the first {@code offset} of a statement that may hold more. */
    void bind(PreparedStatement statement, int offset) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            RowBatch.bind(statement, offset + i + 1, parameters.get(i));
        }
    }
}
