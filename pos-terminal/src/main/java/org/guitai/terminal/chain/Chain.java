package org.guitai.terminal.chain;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * HQ, one store and one terminal wired to each other on one machine, with the sample data of
 * {@code config/}: what {@code ./guitai demo} runs and what the end-to-end test drives. The
 * databases ({@code <prefix>hq}, {@code <prefix>s001}) live on the given MariaDB server.
 */
public final class Chain implements AutoCloseable {

    public static final String STORE_ID = "S001";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Where things are: the repository (WARs, config), the chain's home (runtime, logs), the ports. */
    public record Layout(Path repository, Path home, int hqPort, int storePort, int terminalPort, String databasePrefix) {

        public Path config() {
            return repository.resolve("config");
        }

        public Path payaraJar() {
            return repository.resolve("pos-terminal/target/payara-micro.jar");
        }

        public Path driverJar() {
            return repository.resolve("pos-terminal/target/mariadb-java-client.jar");
        }
    }

    private final Layout layout;
    private final DatabaseServer database;
    private final ServerProcess hq;
    private final ServerProcess store;
    private final ServerProcess terminal;

    private Chain(Layout layout, DatabaseServer database, ServerProcess hq, ServerProcess store, ServerProcess terminal) {
        this.layout = layout;
        this.database = database;
        this.hq = hq;
        this.store = store;
        this.terminal = terminal;
    }

    /**
     * Prepares the chain: creates its databases if needed and the three server processes (not yet started).
     *
     * @param storeCredential the secret store S001 proves itself with at HQ
     */
    public static Chain prepare(Layout layout, DatabaseServer database, String storeCredential, Function<String, String> environment)
            throws SQLException {
        String hqDb = layout.databasePrefix() + "hq";
        String storeDb = layout.databasePrefix() + STORE_ID.toLowerCase();
        database.createDatabase(hqDb);
        database.createDatabase(storeDb);

        Map<String, String> hqProps = new LinkedHashMap<>(ComponentConfig.defaults(layout.config(), "hq", environment));
        hqProps.putAll(dbProperties(database, hqDb));
        hqProps.put("guitai.sample-data", layout.config().resolve("hq/sample").toString());
        hqProps.put("guitai.sample-credentials", STORE_ID + "=" + storeCredential);

        Map<String, String> storeProps = new LinkedHashMap<>(ComponentConfig.defaults(layout.config(), "store", environment));
        storeProps.putAll(dbProperties(database, storeDb));
        storeProps.put("guitai.store.id", STORE_ID);
        storeProps.put("guitai.hq.url", "http://127.0.0.1:" + layout.hqPort());
        storeProps.put("guitai.hq.credential", storeCredential);
        storeProps.put("guitai.sample-data", layout.config().resolve("store/sample").toString());

        Map<String, String> terminalProps = new LinkedHashMap<>(ComponentConfig.defaults(layout.config(), "terminal", environment));
        terminalProps.put("guitai.terminal.id", "T1");
        terminalProps.put("guitai.store.url", "http://127.0.0.1:" + layout.storePort());

        Path repo = layout.repository();
        return new Chain(layout, database,
                new ServerProcess("hq", repo.resolve("hq-server/target/hq-server.war"), layout.hqPort(), layout.home(),
                        layout.payaraJar(), layout.driverJar(), "384m", hqProps, false, "/api/status"),
                new ServerProcess("store-" + STORE_ID.toLowerCase(), repo.resolve("store-server/target/store-server.war"),
                        layout.storePort(), layout.home(), layout.payaraJar(), layout.driverJar(), "384m", storeProps, false, "/api/status"),
                new ServerProcess("terminal-t1", repo.resolve("pos-terminal/target/pos-terminal.war"), layout.terminalPort(),
                        layout.home(), layout.payaraJar(), layout.driverJar(), "256m", terminalProps, false, "/api/terminal"));
    }

    static Map<String, String> dbProperties(DatabaseServer database, String name) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("guitai.db.url", database.url(name));
        props.put("guitai.db.user", database.user());
        props.put("guitai.db.password", database.password());
        return props;
    }

    /** Starts the three servers side by side and waits until each reports ready. */
    public void start(Duration timeout) {
        List<ServerProcess> servers = servers();
        servers.forEach(ServerProcess::start);
        ExecutorService waiters = Executors.newFixedThreadPool(servers.size());
        try {
            CompletableFuture.allOf(servers.stream()
                    .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(timeout), waiters))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            waiters.shutdownNow();
        }
    }

    /** Stops the servers, terminal first, HQ last. The database is the caller's to close. */
    public void stop() {
        terminal.stop(STOP_GRACE);
        store.stop(STOP_GRACE);
        hq.stop(STOP_GRACE);
    }

    @Override
    public void close() {
        stop();
    }

    public List<ServerProcess> servers() {
        return List.of(hq, store, terminal);
    }

    public ServerProcess hq() {
        return hq;
    }

    public ServerProcess store() {
        return store;
    }

    public ServerProcess terminal() {
        return terminal;
    }

    public Layout layout() {
        return layout;
    }

    public DatabaseServer database() {
        return database;
    }
}
