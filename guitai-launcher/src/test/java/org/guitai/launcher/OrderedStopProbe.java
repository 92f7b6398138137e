package org.guitai.launcher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM that owns an embedded database and, when asked to stop, still uses it from its own shutdown
 * hook (as the launcher's servers do while they shut down) before it closes it. Run by
 * {@link EmbeddedDatabaseIT}; it says what happened on its output.
 */
public final class OrderedStopProbe {

    private OrderedStopProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args[0]);
        EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("mariadb"), home.resolve("db"), home.resolve("run"), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // a query that lasts two seconds: a database stopped meanwhile by a hook of its own breaks it
            try (Connection c = DriverManager.getConnection(database.url("mysql"), database.user(), database.password());
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select sleep(2), 42")) {
                r.next();
                System.out.println("queried during shutdown: " + r.getInt(2));
            } catch (SQLException e) {
                System.out.println("query failed during shutdown: " + e.getMessage());
            }
            database.close();
            System.out.println("database stopped");
        }, "probe-stop"));
        System.out.println("ready on port " + database.port());
        new CountDownLatch(1).await();
    }
}
