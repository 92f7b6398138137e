package org.guitai.kernel.testing;

import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any test of a run is discovered, creates the run's database afresh and publishes its
 * coordinates as system properties ({@code guitai.test.db.url}, {@code .user}, {@code .password})
 * for {@code arquillian.xml} and the tests. Does nothing where no test database is configured
 * (plain unit-test runs).
 */
public class TestDatabaseSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TestDatabase.configured().ifPresent(db -> {
            try {
                db.recreate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the test database " + db.jdbcUrl() + ": " + e.getMessage(), e);
            }
            System.setProperty("guitai.test.db.url", db.jdbcUrl());
            System.setProperty("guitai.test.db.user", db.user());
            System.setProperty("guitai.test.db.password", db.password());
        });
    }
}
