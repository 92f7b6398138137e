package org.guitai.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A MariaDB server the chain's databases live on: the demo's embedded one, or one named by the environment. */
public interface DatabaseServer extends AutoCloseable {

    /** {@code jdbc:mariadb://host:port} without a database. */
    String serverUrl();

    String user();

    String password();

    default String url(String database) {
        return serverUrl() + "/" + database;
    }

    default void createDatabase(String database) throws SQLException {
        execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    default void dropDatabase(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS `" + database + "`");
    }

    default void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl() + "/", user(), password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    default void close() {
    }

    /** A server that runs anyway; the chain only uses it. */
    record Existing(String serverUrl, String user, String password) implements DatabaseServer {

        public Existing {
            serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        }
    }
}
