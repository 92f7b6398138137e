package org.guitai.kernel.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The MariaDB an integration-test run uses: the server named by {@code GUITAI_TEST_DB_URL}
 * (with {@code GUITAI_TEST_DB_USER} and {@code GUITAI_TEST_DB_PASSWORD}) when it is set, else the
 * embedded one the build started (system property {@code guitai.test.db.embedded-url}). Each module
 * names its own database ({@code guitai.test.db.name}), which is created afresh for every run.
 */
public record TestDatabase(String serverUrl, String user, String password, String name) {

    public static Optional<TestDatabase> configured() {
        String name = System.getProperty("guitai.test.db.name", "");
        String external = System.getenv("GUITAI_TEST_DB_URL");
        String server = external != null && !external.isBlank() ? external : System.getProperty("guitai.test.db.embedded-url", "");
        if (name.isBlank() || server.isBlank()) {
            return Optional.empty();
        }
        String user = Optional.ofNullable(System.getenv("GUITAI_TEST_DB_USER")).orElse("root");
        String password = Optional.ofNullable(System.getenv("GUITAI_TEST_DB_PASSWORD")).orElse("");
        return Optional.of(new TestDatabase(stripTrailingSlash(server), user, password, name));
    }

    /** The one configured for this run; fails the test when there is none. */
    public static TestDatabase get() {
        return configured().orElseThrow(() -> new IllegalStateException(
                "no test database: set GUITAI_TEST_DB_URL or run through Maven (mvn verify), which starts an embedded MariaDB"));
    }

    public String jdbcUrl() {
        return serverUrl + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** The number the query counts (its first column of its first row), with {@code parameters} bound in order. */
    public long count(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting failed: " + sql, e);
        }
    }

    /** Drops and creates this run's database, so every run starts from empty. */
    public void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl + "/", user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
