package org.guitai.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.guitai.kernel.security.SlowHash;

/**
 * {@code ./guitai demo [--fresh]} runs the whole chain on this machine; {@code ./guitai hq|store|terminal}
 * runs one component against an existing MariaDB for a real deployment.
 */
public final class Guitai {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String CREDENTIAL_OF_S001 = "store.S001.credential";
    private static final PrintStream OUT = System.out;

    private Guitai() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Distribution distribution = Distribution.located();
        String command = args.length == 0 ? "help" : args[0];
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        int exit = switch (command) {
            case "demo" -> demo(distribution, options.contains("--fresh"));
            case "hq" -> component(distribution, "hq", Distribution.HQ, 8082, true, "/api/status");
            case "store" -> component(distribution, "store", Distribution.STORE, 8081, true, "/api/status");
            case "terminal" -> component(distribution, "terminal", Distribution.TERMINAL, 8080, false, "/api/terminal");
            default -> help(distribution);
        };
        System.exit(exit);
    }

    private static int help(Distribution distribution) {
        OUT.println("""
                usage: ./guitai <command>

                  demo [--fresh]   the whole chain on this machine, on loopback only: embedded MariaDB, HQ (8082),
                                   store S001 (8081), terminal T1 (8080) and the sample data of config/*/sample;
                                   data in ~/.guitai/demo or $GUITAI_HOME (a new or empty folder, or one Guitai made).
                                   --fresh starts from empty. Ctrl-C stops everything.
                  hq               HQ alone, against the MariaDB named by GUITAI_DB_URL, GUITAI_DB_USER, GUITAI_DB_PASSWORD
                                   (stores and staff from GUITAI_IMPORT_DIR, store credentials from GUITAI_STORE_CREDENTIALS_FILE)
                  store            a store server alone (same database variables, plus GUITAI_STORE_ID,
                                   GUITAI_HQ_URL, GUITAI_HQ_CREDENTIAL; catalog, stock, staff, terminals from GUITAI_IMPORT_DIR)
                  terminal         a counter terminal alone (GUITAI_TERMINAL_ID, GUITAI_STORE_URL)

                  GUITAI_PORT sets the HTTP port of hq, store or terminal, GUITAI_BIND_ADDRESS the one address it
                  listens on (default: every interface). Settings not in the environment come from
                  %s/<component>/<component>.properties. Nothing is imported unless GUITAI_IMPORT_DIR names a folder.
                  Relative paths are taken from the folder the launcher is called from."""
                .formatted(distribution.config()));
        return 2;
    }

    private static int demo(Distribution distribution, boolean fresh) throws Exception {
        Path folder = caller().resolve(env("GUITAI_HOME", Path.of(System.getProperty("user.home"), ".guitai", "demo").toString()));
        DemoHome home;
        try {
            home = DemoHome.open(folder, Path.of(System.getProperty("java.io.tmpdir")), fresh);
        } catch (IllegalArgumentException refused) {
            System.err.println(refused.getMessage());
            return 2;
        }
        if (fresh) {
            OUT.println("Starting from empty: removed " + String.join(", ", DemoHome.DATA) + " in " + home.root());
        }
        Map<String, String> secrets = home.secrets(Map.of(CREDENTIAL_OF_S001, () -> SlowHash.randomToken(32)));

        // one hook stops everything in order: the servers, terminal first, and only then their database
        AtomicReference<EmbeddedDatabase> database = new AtomicReference<>();
        AtomicReference<Chain> chain = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("\nStopping the terminal, the store, HQ and then the database ...");
            Chain running = chain.get();
            if (running != null) {
                running.stop(step -> OUT.println("  " + step));
            }
            EmbeddedDatabase db = database.get();
            if (db != null) {
                db.close();
                OUT.println("  MariaDB stopped");
            }
            OUT.println("Stopped. Start again with ./guitai demo (same data) or ./guitai demo --fresh (empty).");
            stopped.countDown();
        }, "guitai-stop"));

        OUT.println("Starting the embedded MariaDB (data in " + home.resolve("db") + ") ...");
        database.set(EmbeddedDatabase.start(home.resolve("mariadb"), home.resolve("db"), home.resolve("tmp/db"),
                EmbeddedDatabase.portOr(3316)));
        chain.set(Chain.prepare(new Chain.Layout(distribution, home.root(), 8082, 8081, 8080, "guitai_"), database.get(),
                secrets.get(CREDENTIAL_OF_S001), System::getenv));

        OUT.println("Starting HQ, store " + Chain.STORE_ID + " and terminal T1 (logs in " + home.resolve("logs") + ") ...");
        try {
            chain.get().start(START_TIMEOUT);
        } catch (RuntimeException e) {
            System.err.println("The chain did not start: " + e.getMessage());
            return 1;
        }
        OUT.println(banner(chain.get(), database.get()));
        watch(chain.get());
        stopped.await();
        return 0;
    }

    private static String banner(Chain chain, EmbeddedDatabase database) {
        return """

                ┌─ Guitai is running ───────────────────────────────────────────────────────
                │  Counter (cashier)   http://localhost:%d        terminal T1 at store %s
                │  Store manager       http://localhost:%d        back-office terminal BO1
                │  Store server API    http://localhost:%d/api    OpenAPI /openapi, health /health
                │  HQ server API       http://localhost:%d/api    OpenAPI /openapi, health /health
                │  MariaDB             %s  (databases guitai_hq, guitai_s001)
                │  Every server listens on 127.0.0.1 only.
                │
                │  Demo identities (demo only):
                │    cashier          C001  PIN 2468
                │    sales associate  A001  PIN 8642
                │    store manager    M001  PIN 1357
                │    HQ analyst       H001  password hq-demo-2468
                │
                │  Logs: %s
                └─ Ctrl-C stops everything ─────────────────────────────────────────────────
                """.formatted(chain.terminal().port(), Chain.STORE_ID, chain.store().port(), chain.store().port(), chain.hq().port(),
                database.serverUrl(), chain.layout().home().resolve("logs"));
    }

    /** Says so when a server of the chain stops on its own. */
    private static void watch(Chain chain) {
        Thread watcher = new Thread(() -> {
            while (!chain.stopping()) {
                for (ServerProcess server : chain.servers()) {
                    if (!server.isAlive() && !chain.stopping()) {
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

    /**
     * One component in the foreground against an existing MariaDB; nothing of the demo (no sample
     * data, no identities: master data only from the folder GUITAI_IMPORT_DIR names). Exits non-zero
     * when the application does not deploy, naming why.
     */
    private static int component(Distribution distribution, String component, String application, int defaultPort,
                                 boolean needsDatabase, String statusPath) throws InterruptedException {
        if (needsDatabase && System.getenv("GUITAI_DB_URL") == null) {
            System.err.println("./guitai " + component + " runs against an existing MariaDB: set GUITAI_DB_URL "
                    + "(e.g. jdbc:mariadb://db.example:3306/guitai_" + component + "), GUITAI_DB_USER and GUITAI_DB_PASSWORD."
                    + "\nFor a demo on this machine use ./guitai demo.");
            return 2;
        }
        int port;
        Optional<String> bindAddress;
        try {
            port = port(env("GUITAI_PORT", Integer.toString(defaultPort)));
            bindAddress = bindAddress(System.getenv("GUITAI_BIND_ADDRESS"));
        } catch (IllegalArgumentException bad) {
            System.err.println(bad.getMessage());
            return 2;
        }
        Path home = caller().resolve(env("GUITAI_HOME", Path.of(System.getProperty("user.home"), ".guitai", component).toString()));
        Map<String, String> settings = new LinkedHashMap<>(ComponentConfig.defaults(distribution.config(), component, System::getenv));
        // files named relative to where the launcher was called, not to the distribution it runs from
        pathFromEnvironment("GUITAI_IMPORT_DIR").ifPresent(dir -> settings.put("guitai.import-dir", dir.toString()));
        pathFromEnvironment("GUITAI_STORE_CREDENTIALS_FILE").ifPresent(f -> settings.put("guitai.store-credentials-file", f.toString()));
        if ("terminal".equals(component)) {
            // the devices of the distribution's config/terminal/jpos.xml (the simulators), or the store's own file
            settings.put("guitai.terminal.jpos-xml", pathFromEnvironment("GUITAI_TERMINAL_JPOS_XML")
                    .orElse(distribution.config().resolve("terminal").resolve("jpos.xml")).toString());
        }
        ServerProcess server = new ServerProcess(component, distribution.war(application), port, home, distribution.payaraJar(),
                distribution.driverJar(), env("GUITAI_MAX_HEAP", "terminal".equals(component) ? Chain.TERMINAL_HEAP : "512m"),
                "terminal".equals(component) ? ServerProcess.Footprint.COUNTER : ServerProcess.Footprint.SERVER, settings, bindAddress,
                ServerProcess.Output.CONSOLE, statusPath);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(Duration.ofSeconds(30)), "guitai-stop"));
        server.start();
        try {
            server.awaitReady(START_TIMEOUT);
        } catch (IllegalStateException e) {
            System.err.println("\n./guitai " + component + " did not start: " + e.getMessage());
            server.stop(Duration.ofSeconds(30));
            return 1;
        }
        OUT.println("\n" + component + " is ready at " + server.url() + (bindAddress.isEmpty() ? " (listening on every interface)" : ""));
        return server.waitFor();
    }

    static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException("GUITAI_PORT is '" + value + "': expected a port number from 1 to 65535");
    }

    /**
     * GUITAI_BIND_ADDRESS: one IP address of this machine to listen on (a literal, never looked up);
     * unset, 0.0.0.0 or :: mean every interface.
     */
    static Optional<String> bindAddress(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String address = value.trim();
        boolean ipv4 = address.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
        boolean ipv6 = address.matches("[0-9A-Fa-f:.]+") && address.contains(":");
        try {
            if (ipv4 || ipv6) {
                // a literal: parsed, not resolved
                return InetAddress.getByName(address).isAnyLocalAddress() ? Optional.empty() : Optional.of(address);
            }
        } catch (UnknownHostException notAnAddress) {
            // said below
        }
        throw new IllegalArgumentException("GUITAI_BIND_ADDRESS is '" + value + "': expected an IP address of this machine, e.g. 127.0.0.1");
    }

    private static Optional<Path> pathFromEnvironment(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(caller().resolve(value.trim()).normalize());
    }

    /** The folder the launcher was called from: relative paths in its settings mean a place there. */
    private static Path caller() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
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
