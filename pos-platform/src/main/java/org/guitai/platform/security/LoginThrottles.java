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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.guitai.kernel.security.Throttle;
import org.guitai.platform.persistence.InstantConverter;
import org.guitai.platform.persistence.PosDataSource;

/**
 * The rows that count wrong secrets, in the server's own {@link ThrottleTable}: each step is one
 * short transaction of its own on the server's database, so no row lock is held while a slow hash
 * runs and a counted failure stays counted when the refused request rolls back.
 */
@ApplicationScoped
public class LoginThrottles {

    @Resource(lookup = PosDataSource.JNDI_NAME)
    DataSource dataSource;

    /** This attempt: refused outright, or counted as the how-manyth failure (and whether that locks) until the secret proves right. */
    public record Attempt(Optional<Throttle.Refusal> refusal, int failures, boolean locks) {
    }

    /**
     * Refuses a throttled attempt, else counts it as a failure until the secret proves right. The
     * row exists before it is locked, so two first attempts cannot both insert it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Attempt reserve(ThrottleTable table, LoginKey key, Instant now, Throttle.Policy policy) {
        try (Connection connection = dataSource.getConnection()) {
            String columns = table.perTerminal() ? "staff_code, terminal_id" : "staff_code";
            String values = table.perTerminal() ? "?, ?" : "?";
            try (PreparedStatement insert = connection.prepareStatement("insert into " + table.name() + " (" + columns
                    + ", failures, last_failure_at) values (" + values + ", 0, ?) on duplicate key update staff_code = staff_code")) {
                int next = bindKey(insert, table, key);
                insert.setObject(next, InstantConverter.utc(now));
                insert.executeUpdate();
            }
            Throttle.Tally tally;
            try (PreparedStatement select = connection.prepareStatement("select failures, last_failure_at, locked_until from "
                    + table.name() + " where " + table.keyCondition() + " for update")) {
                bindKey(select, table, key);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    tally = tally(row);
                }
            }
            Optional<Throttle.Refusal> refusal = tally.refusal(now, policy);
            if (refusal.isPresent()) {
                return new Attempt(refusal, tally.failures(), false);
            }
            Throttle.Tally counted = tally.failed(now, policy);
            write(connection, table, key, counted);
            return new Attempt(Optional.empty(), counted.failures(), counted.locks(policy));
        } catch (SQLException e) {
            throw new PersistenceException("counting a login attempt failed: " + e.getMessage(), e);
        }
    }

    /** The slow check proved the secret wrong: the wait runs from now (see {@link Throttle.Tally#answered}). */
    @Transactional(TxType.REQUIRES_NEW)
    public void answered(ThrottleTable table, LoginKey key, Instant now, Throttle.Policy policy) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select failures, last_failure_at, locked_until from "
                     + table.name() + " where " + table.keyCondition() + " for update")) {
            bindKey(select, table, key);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    Throttle.Tally tally = tally(row);
                    write(connection, table, key, tally.answered(now, policy));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("recording a wrong secret failed: " + e.getMessage(), e);
        }
    }

    /** The secret was right: earlier failures of this key are forgiven. */
    @Transactional(TxType.REQUIRES_NEW)
    public void forget(ThrottleTable table, LoginKey key) {
        delete(table, key, table.perTerminal());
    }

    /**
     * A manager lifts a lock, in the manager's transaction: at one terminal, or for every terminal
     * when the key names none.
     *
     * @return how many tallies were dropped
     */
    @Transactional
    public int lift(ThrottleTable table, LoginKey key) {
        return delete(table, key, table.perTerminal() && key.terminalId().isPresent());
    }

    /**
     * Failures followed by a quiet lock period, and expired locks, are forgotten, in a transaction
     * of its own (it holds no row lock while an attempt takes its own): guesses at codes that do
     * not exist cannot grow the table without bound.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void forgetQuietFailures(ThrottleTable table, Instant now, Duration quietFor) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from " + table.name()
                     + " where (locked_until is null and last_failure_at < ?) or locked_until < ?")) {
            delete.setObject(1, InstantConverter.utc(now.minus(quietFor)));
            delete.setObject(2, InstantConverter.utc(now));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("forgetting quiet login failures failed: " + e.getMessage(), e);
        }
    }

    /** Deletes the staff code's tallies: at the key's terminal only, or all of them. */
    private int delete(ThrottleTable table, LoginKey key, boolean atItsTerminal) {
        String where = atItsTerminal ? table.keyCondition() : "staff_code = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from " + table.name() + " where " + where)) {
            delete.setString(1, key.staffCode());
            if (atItsTerminal) {
                delete.setString(2, key.terminalId().orElseThrow());
            }
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("forgetting login failures failed: " + e.getMessage(), e);
        }
    }

    private static void write(Connection connection, ThrottleTable table, LoginKey key, Throttle.Tally tally) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + table.name()
                + " set failures = ?, last_failure_at = ?, locked_until = ? where " + table.keyCondition())) {
            update.setInt(1, tally.failures());
            update.setObject(2, tally.lastFailureAt() == null ? null : InstantConverter.utc(tally.lastFailureAt()));
            update.setObject(3, tally.lockedUntil() == null ? null : InstantConverter.utc(tally.lockedUntil()));
            int next = 4;
            update.setString(next++, key.staffCode());
            if (table.perTerminal()) {
                update.setString(next, key.terminalId().orElseThrow());
            }
            update.executeUpdate();
        }
    }

    /** Binds the key's columns from the first parameter on; answers the next free position. */
    private static int bindKey(PreparedStatement statement, ThrottleTable table, LoginKey key) throws SQLException {
        statement.setString(1, key.staffCode());
        if (table.perTerminal()) {
            statement.setString(2, key.terminalId().orElseThrow(() -> new IllegalArgumentException("the table counts per terminal")));
            return 3;
        }
        return 2;
    }

    /** DATETIME(6) columns hold UTC wall clocks: read as wall clocks, whatever the JVM's zone. */
    private static Throttle.Tally tally(ResultSet row) throws SQLException {
        return new Throttle.Tally(row.getInt(1), instant(row.getObject(2, LocalDateTime.class)), instant(row.getObject(3, LocalDateTime.class)));
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : InstantConverter.instant(utc);
    }
}
