package org.guitai.terminal.chain;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.guitai.kernel.security.SlowHash;

/**
 * {@code ./guitai demo [--fresh]} runs the whole chain on this machine; {@code ./guitai hq|store|terminal}
 * runs one component against an existing MariaDB for a real deployment.
 */
public final class Guitai {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final PrintStream OUT = System.out;

    private Guitai() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path repository = Path.of(System.getProperty("guitai.repository", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        int exit = switch (command) {
            case "demo" -> demo(repository, options.contains("--fresh"));
            case "hq" -> component(repository, "hq", "hq-server/target/hq-server.war", 8082, true, "/api/status");
            case "store" -> component(repository, "store", "store-server/target/store-server.war", 8081, true, "/api/status");
            case "terminal" -> component(repository, "terminal", "pos-terminal/target/pos-terminal.war", 8080, false, "/api/terminal");
            default -> help();
        };
        System.exit(exit);
    }

    private static int help() {
        OUT.println("""
                usage: ./guitai <command>

                  demo [--fresh]   the whole chain on this machine: embedded MariaDB, HQ (8082), store S001 (8081),
                                   terminal T1 (8080) and sample data; data in ~/.guitai/demo or $GUITAI_HOME.
                                   --fresh starts from empty. Ctrl-C stops everything.
                  hq               HQ alone, against the MariaDB named by GUITAI_DB_URL, GUITAI_DB_USER, GUITAI_DB_PASSWORD
                  store            a store server alone (same database variables, plus GUITAI_STORE_ID,
                                   GUITAI_HQ_URL and GUITAI_HQ_CREDENTIAL)
                  terminal         a counter terminal alone (GUITAI_TERMINAL_ID, GUITAI_STORE_URL)

                  GUITAI_PORT sets the HTTP port of hq, store or terminal; settings not in the environment
                  come from config/<component>/<component>.properties.""");
        return 2;
    }

    private static int demo(Path repository, boolean fresh) throws Exception {
        Path home = Path.of(env("GUITAI_HOME", Path.of(System.getProperty("user.home"), ".guitai", "demo").toString())).toAbsolutePath();
        if (fresh) {
            OUT.println("Starting from empty: removing the data in " + home);
            for (String folder : List.of("db", "payara", "tmp", "logs")) {
                deleteTree(home.resolve(folder));
            }
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (home.normalize().startsWith(tmp)) {
            System.err.println("GUITAI_HOME is " + home + ", under the temp directory " + tmp
                    + ": the embedded MariaDB would delete its data there at shutdown. Choose a folder elsewhere.");
            return 2;
        }
        Files.createDirectories(home);
        Map<String, String> secrets = secrets(home.resolve("secrets.properties"));

        OUT.println("Starting the embedded MariaDB (data in " + home.resolve("db") + ") ...");
        EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("mariadb"), home.resolve("db"), home.resolve("tmp/db"),
                EmbeddedDatabase.portOr(3316));
        Chain chain;
        try {
            chain = Chain.prepare(new Chain.Layout(repository, home, 8082, 8081, 8080, "guitai_"), database,
                    secrets.get("store.S001.credential"), System::getenv);
        } catch (RuntimeException | java.sql.SQLException e) {
            database.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("\nStopping the terminal, the store, HQ and the database ...");
            chain.stop();
            database.close();
            OUT.println("Stopped. Start again with ./guitai demo (same data) or ./guitai demo --fresh (empty).");
            stopped.countDown();
        }, "guitai-stop"));

        OUT.println("Starting HQ, store " + Chain.STORE_ID + " and terminal T1 (logs in " + home.resolve("logs") + ") ...");
        try {
            chain.start(START_TIMEOUT);
        } catch (RuntimeException e) {
            System.err.println("The chain did not start: " + e.getMessage());
            return 1;
        }
        OUT.println(banner(chain, database));
        watch(chain);
        stopped.await();
        return 0;
    }

    private static String banner(Chain chain, EmbeddedDatabase database) {
        return """

                ┌─ Guitai is running ───────────────────────────────────────────────────────
                │  Counter (cashier)   http://localhost:%d        terminal T1 at store %s
                │  Store server API    http://localhost:%d/api    OpenAPI /openapi, health /health
                │  HQ server API       http://localhost:%d/api    OpenAPI /openapi, health /health
                │  MariaDB             %s  (databases guitai_hq, guitai_s001)
                │
                │  Demo identities (demo only):
                │    cashier          C001  PIN 2468
                │    sales associate  A001  PIN 8642
                │    store manager    M001  PIN 1357
                │    HQ analyst       H001  password hq-demo-2468
                │
                │  Logs: %s
                └─ Ctrl-C stops everything ─────────────────────────────────────────────────
                """.formatted(chain.terminal().port(), Chain.STORE_ID, chain.store().port(), chain.hq().port(),
                database.serverUrl(), chain.layout().home().resolve("logs"));
    }

    /** Says so when a server of the chain stops on its own. */
    private static void watch(Chain chain) {
        Thread watcher = new Thread(() -> {
            while (true) {
                for (ServerProcess server : chain.servers()) {
                    if (!server.isAlive()) {
                        System.err.println(server.name() + " has stopped; the end of its log:\n" + server.logTail(20));
                        return;
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "guitai-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** One component in the foreground against an existing MariaDB; nothing of the demo (no sample data, no identities). */
    private static int component(Path repository, String component, String war, int defaultPort, boolean needsDatabase,
                                 String statusPath) throws InterruptedException {
        if (needsDatabase && System.getenv("GUITAI_DB_URL") == null) {
            System.err.println("./guitai " + component + " runs against an existing MariaDB: set GUITAI_DB_URL "
                    + "(e.g. jdbc:mariadb://db.example:3306/guitai_" + component + "), GUITAI_DB_USER and GUITAI_DB_PASSWORD."
                    + "\nFor a demo on this machine use ./guitai demo.");
            return 2;
        }
        int port = Integer.parseInt(env("GUITAI_PORT", Integer.toString(defaultPort)));
        Path home = Path.of(env("GUITAI_HOME", Path.of(System.getProperty("user.home"), ".guitai", component).toString()));
        Map<String, String> properties = new LinkedHashMap<>(ComponentConfig.defaults(repository.resolve("config"), component, System::getenv));
        ServerProcess server = new ServerProcess(component, repository.resolve(war), port, home,
                repository.resolve("pos-terminal/target/payara-micro.jar"), repository.resolve("pos-terminal/target/mariadb-java-client.jar"),
                env("GUITAI_MAX_HEAP", "512m"), properties, true, statusPath);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(Duration.ofSeconds(30)), "guitai-stop"));
        server.start();
        return server.waitFor();
    }

    /** Secrets of this demo home, generated once: never in the repository. */
    private static Map<String, String> secrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.load(reader);
            }
        }
        if (secrets.getProperty("store.S001.credential") == null) {
            secrets.setProperty("store.S001.credential", SlowHash.randomToken(32));
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                secrets.store(writer, "Generated by ./guitai demo: the credential store S001 uses at HQ");
            }
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        Map<String, String> map = new LinkedHashMap<>();
        secrets.stringPropertyNames().forEach(k -> map.put(k, secrets.getProperty(k)));
        return map;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
