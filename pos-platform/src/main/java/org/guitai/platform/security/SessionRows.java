package org.guitai.platform.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.guitai.platform.persistence.InstantConverter;
import org.guitai.platform.persistence.PosDataSource;

/** The rows of a server's {@link SessionTable}, written and read with plain SQL on its database. */
@ApplicationScoped
public class SessionRows {

    @Resource(lookup = PosDataSource.JNDI_NAME)
    DataSource dataSource;

    /** A new session of a staff member (at a terminal, where sessions belong to one). */
    @Transactional
    public void insert(SessionTable table, String tokenDigest, String staffCode, Optional<String> terminalId, Instant now) {
        String columns = table.perTerminal() ? "token_digest, staff_code, terminal_id" : "token_digest, staff_code";
        String values = table.perTerminal() ? "?, ?, ?" : "?, ?";
        update("opening a session", "insert into " + table.name() + " (" + columns + ", started_at, last_seen_at) values (" + values + ", ?, ?)",
                table.perTerminal() ? new Object[] {tokenDigest, staffCode, terminalId.orElseThrow(), utc(now), utc(now)}
                        : new Object[] {tokenDigest, staffCode, utc(now), utc(now)});
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<SessionRow> find(SessionTable table, String tokenDigest) {
        String columns = "staff_code, " + (table.perTerminal() ? "terminal_id" : "null") + ", started_at, last_seen_at, ended_at";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select " + columns + " from " + table.name() + " where token_digest = ?")) {
            select.setString(1, tokenDigest);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionRow(row.getString(1), Optional.ofNullable(row.getString(2)), instant(row, 3), instant(row, 4),
                        Optional.ofNullable(row.getObject(5, LocalDateTime.class)).map(InstantConverter::instant)));
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading a session failed: " + e.getMessage(), e);
        }
    }

    /** Records use, in a transaction of its own: a read-only request writes nothing else. */
    @Transactional(TxType.REQUIRES_NEW)
    public void touch(SessionTable table, String tokenDigest, Instant now) {
        update("recording a session's use", "update " + table.name() + " set last_seen_at = ? where token_digest = ? and last_seen_at < ?",
                utc(now), tokenDigest, utc(now));
    }

    @Transactional
    public void end(SessionTable table, String tokenDigest, Instant now) {
        update("ending a session", "update " + table.name() + " set ended_at = ? where token_digest = ? and ended_at is null",
                utc(now), tokenDigest);
    }

    /** Ends every live session of a staff member, in the caller's transaction; how many were live. */
    @Transactional(TxType.MANDATORY)
    public int endAllOf(SessionTable table, String staffCode, Instant now) {
        return update("ending a member's sessions", "update " + table.name() + " set ended_at = ? where staff_code = ? and ended_at is null",
                utc(now), staffCode);
    }

    private int update(String what, String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return InstantConverter.utc(instant);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return InstantConverter.instant(row.getObject(column, LocalDateTime.class));
    }
}
