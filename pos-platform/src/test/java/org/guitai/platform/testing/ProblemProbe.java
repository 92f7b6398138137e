package org.guitai.platform.testing;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.guitai.kernel.problem.PosException;
import org.guitai.platform.persistence.PosDataSource;
import org.guitai.platform.security.Public;

/**
 * Added by a server's integration test to the WAR it deploys, never shipped: it fails on purpose in
 * each way a request can fail, so that the test sees each answered over HTTP as the platform maps
 * it, on that server. The database races are real MariaDB errors on the server's own data source.
 */
@Path("problem-probe")
@Public
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class ProblemProbe {

    public record Body(@NotNull @Pattern(regexp = "[a-z]{1,8}", message = "must be 1 to 8 small letters") String name) {
    }

    /** A refusal on purpose that says when to come back, with a member of its own. */
    public static final class Refused extends PosException {

        private static final long serialVersionUID = 1L;

        public Refused() {
            super("probe-refused", 422, "Refused by the probe", "refused on purpose");
        }

        @Override
        public Map<String, Object> extensions() {
            return Map.of("retryAfterSeconds", 7L, "probe", true);
        }
    }

    @Resource(lookup = PosDataSource.JNDI_NAME)
    DataSource dataSource;

    @POST
    @Path("validated")
    public Map<String, String> validated(@NotNull @Valid Body body) {
        return Map.of("name", body.name());
    }

    @GET
    @Path("{failure}")
    @Transactional(TxType.NOT_SUPPORTED)
    public Map<String, String> fail(@PathParam("failure") String failure) throws SQLException {
        switch (failure) {
            case "refused" -> throw new Refused();
            case "lock-timeout" -> throw new LockTimeoutException("a lock was not granted in time");
            case "deadlock" -> throw new PersistenceException(new SQLException("Deadlock found when trying to get lock", "40001", 1213));
            case "duplicate-key" -> duplicateKeyInTheDatabase();
            case "lock-wait" -> lockWaitInTheDatabase();
            case "unexpected" -> throw new IllegalStateException("the probe's internals, never shown");
            default -> {
                return Map.of("failure", "none");
            }
        }
        return Map.of("failure", "none");
    }

    /** Two rows under one key: MariaDB refuses the second (ER_DUP_ENTRY). */
    private void duplicateKeyInTheDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create temporary table problem_probe (id int primary key)");
            try {
                sql.execute("insert into problem_probe values (1)");
                sql.execute("insert into problem_probe values (1)");
            } finally {
                sql.execute("drop temporary table problem_probe");
            }
        } catch (SQLException e) {
            throw new PersistenceException("the probe's insert failed", e);
        }
    }

    /**
     * One connection holds a row lock that another waits for, a second at most: MariaDB gives up
     * (ER_LOCK_WAIT_TIMEOUT). The row is Flyway's first, which every server's database has.
     */
    private void lockWaitInTheDatabase() throws SQLException {
        String lockFirstMigration = "select installed_rank from flyway_schema_history where installed_rank = 1 for update";
        try (Connection holder = dataSource.getConnection(); Connection waiter = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            try (Statement held = holder.createStatement(); Statement waits = waiter.createStatement()) {
                held.executeQuery(lockFirstMigration).close();
                waits.execute("set session innodb_lock_wait_timeout = 1");
                waits.executeQuery(lockFirstMigration).close();
            } catch (SQLException e) {
                throw new PersistenceException("the probe's lock wait failed", e);
            } finally {
                holder.rollback();
                waiter.rollback();
                try (Statement restore = waiter.createStatement()) {
                    restore.execute("set session innodb_lock_wait_timeout = @@global.innodb_lock_wait_timeout");
                }
                holder.setAutoCommit(true);
                waiter.setAutoCommit(true);
            }
        }
    }
}
