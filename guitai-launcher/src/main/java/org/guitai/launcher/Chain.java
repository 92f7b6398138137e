package org.guitai.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.guitai.launcher.ServerProcess.Output;

/**
 * HQ, one store and one terminal wired to each other on one machine, with the sample data of
 * {@code config/}: what {@code ./guitai demo} runs and what the end-to-end test drives. The
 * databases ({@code <prefix>hq}, {@code <prefix>s001}) live on the given MariaDB server.
 */
public final class Chain implements AutoCloseable {

    /**
     * A terminal's heap: its catalog snapshot of 100,000 products, its queue and journal fit well
     * within it, and the whole terminal stays under 500 MB resident (the offline benchmark).
     */
    static final String TERMINAL_HEAP = "192m";

    public static final String STORE_ID = "S001";
    /** The demo publishes its PINs: its servers answer on this machine only. */
    public static final String LOOPBACK = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Where things are: the distribution (WARs, Payara, config), the chain's home (runtime, logs), the ports. */
    public record Layout(Distribution distribution, Path home, int hqPort, int storePort, int terminalPort, String databasePrefix) {

        public Path config() {
            return distribution.config();
        }
    }

    private final Layout layout;
    private final DatabaseServer database;
    private final ServerProcess hq;
    private final ServerProcess store;
    private final ServerProcess terminal;
    private volatile boolean stopping;

    private Chain(Layout layout, DatabaseServer database, ServerProcess hq, ServerProcess store, ServerProcess terminal) {
        this.layout = layout;
        this.database = database;
        this.hq = hq;
        this.store = store;
        this.terminal = terminal;
    }

    /**
     * Prepares the chain: creates its databases if needed, the credentials file HQ reads, and the
     * three server processes (not yet started). Every server listens on loopback only. HQ and the
     * store import their master data from the sample folders of {@code config/}, the same way an
     * operator's {@code GUITAI_IMPORT_DIR} is imported.
     *
     * @param storeCredential the secret store S001 proves itself with at HQ
     */
    public static Chain prepare(Layout layout, DatabaseServer database, String storeCredential, Function<String, String> environment)
            throws SQLException {
        return prepare(layout, database, storeCredential, environment, Map.of());
    }

    /** The same, with settings of the terminal's own on top (a drill that wants its replay slow, say). */
    public static Chain prepare(Layout layout, DatabaseServer database, String storeCredential, Function<String, String> environment,
                                Map<String, String> terminalSettings) throws SQLException {
        String hqDb = layout.databasePrefix() + "hq";
        String storeDb = layout.databasePrefix() + STORE_ID.toLowerCase();
        database.createDatabase(hqDb);
        database.createDatabase(storeDb);
        Path credentials = layout.home().resolve("store-credentials.properties");
        writeCredentials(credentials, Map.of(STORE_ID, storeCredential));

        Map<String, String> hqProps = new LinkedHashMap<>(ComponentConfig.defaults(layout.config(), "hq", environment));
        hqProps.putAll(dbProperties(database, hqDb));
        hqProps.put("guitai.import-dir", layout.config().resolve("hq/sample").toString());
        hqProps.put("guitai.store-credentials-file", credentials.toString());

        Map<String, String> storeProps = new LinkedHashMap<>(ComponentConfig.defaults(layout.config(), "store", environment));
        storeProps.putAll(dbProperties(database, storeDb));
        storeProps.put("guitai.store.id", STORE_ID);
        storeProps.put("guitai.hq.url", "http://127.0.0.1:" + layout.hqPort());
        storeProps.put("guitai.hq.credential", storeCredential);
        storeProps.put("guitai.import-dir", layout.config().resolve("store/sample").toString());
        // the demo charges its mobile payments to the simulator; a real store names its provider's gateway (the default is none)
        if (!ComponentConfig.setInEnvironment("guitai.payment.gateway", environment)) {
            storeProps.put("guitai.payment.gateway", "simulator");
        }

        Map<String, String> terminalProps = new LinkedHashMap<>(ComponentConfig.defaults(layout.config(), "terminal", environment));
        terminalProps.put("guitai.terminal.id", "T1");
        terminalProps.put("guitai.store.url", "http://127.0.0.1:" + layout.storePort());
        if (!ComponentConfig.setInEnvironment("guitai.terminal.data-dir", environment)) {
            terminalProps.put("guitai.terminal.data-dir", layout.home().resolve("terminal-t1").toString());
        }
        // the counter's devices: the simulators of config/terminal/jpos.xml unless the operator names a store's own file
        if (!ComponentConfig.setInEnvironment("guitai.terminal.jpos-xml", environment)) {
            terminalProps.put("guitai.terminal.jpos-xml", layout.config().resolve("terminal").resolve("jpos.xml").toString());
        }

        terminalProps.putAll(terminalSettings);

        Distribution d = layout.distribution();
        Optional<String> loopback = Optional.of(LOOPBACK);
        return new Chain(layout, database,
                new ServerProcess("hq", d.war(Distribution.HQ), layout.hqPort(), layout.home(),
                        d.payaraJar(), d.driverJar(), "384m", hqProps, loopback, Output.LOG_FILE, "/api/status"),
                new ServerProcess("store-" + STORE_ID.toLowerCase(), d.war(Distribution.STORE),
                        layout.storePort(), layout.home(), d.payaraJar(), d.driverJar(), "384m", storeProps, loopback,
                        Output.LOG_FILE, "/api/status"),
                new ServerProcess("terminal-t1", d.war(Distribution.TERMINAL), layout.terminalPort(),
                        layout.home(), d.payaraJar(), d.driverJar(), TERMINAL_HEAP, ServerProcess.Footprint.COUNTER, terminalProps, loopback, Output.LOG_FILE,
                        "/api/terminal"));
    }

    /** The file HQ reads its stores' credentials from ({@code guitai.store-credentials-file}): store id = credential. */
    static void writeCredentials(Path file, Map<String, String> credentials) {
        Properties properties = new Properties();
        properties.putAll(credentials);
        try {
            DemoHome.writePrivately(file, writer -> properties.store(writer, "Store credentials HQ accepts, written by the Guitai launcher"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Map<String, String> dbProperties(DatabaseServer database, String name) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("guitai.db.url", database.url(name));
        props.put("guitai.db.user", database.user());
        props.put("guitai.db.password", database.password());
        return props;
    }

    /**
     * Starts the three servers side by side and waits until each reports ready; the first that
     * fails (a failed deployment, a dead process) ends the wait.
     */
    public void start(Duration timeout) {
        List<ServerProcess> servers = servers();
        servers.forEach(ServerProcess::start);
        ExecutorService waiters = Executors.newFixedThreadPool(servers.size());
        try {
            List<CompletableFuture<Void>> ready = servers.stream()
                    .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(timeout), waiters))
                    .toList();
            CompletableFuture<Void> failed = new CompletableFuture<>();
            ready.forEach(r -> r.whenComplete((ok, error) -> {
                if (error != null) {
                    failed.completeExceptionally(error);
                }
            }));
            CompletableFuture.anyOf(CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)), failed).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            waiters.shutdownNow();
        }
    }

    /** Stops the servers, terminal first, HQ last, saying so step by step. The database is the caller's to close. */
    public void stop(Consumer<String> progress) {
        stopping = true;
        for (ServerProcess server : List.of(terminal, store, hq)) {
            boolean wasRunning = server.isAlive();
            server.stop(STOP_GRACE);
            if (wasRunning) {
                progress.accept(server.name() + " stopped");
            }
        }
    }

    public void stop() {
        stop(done -> { });
    }

    /** Whether {@link #stop} has begun: servers ending now are being stopped, not failing. */
    public boolean stopping() {
        return stopping;
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
