package org.guitai.launcher;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One server of the chain: a Payara Micro process running one WAR at the root context, with
 * clustering off and its own runtime folder. Ready means {@code /health/ready} answers UP with the
 * application's own checks in it and the application's status path answers; a deployment that
 * fails (Payara says so in its output, then idles with nothing deployed) ends the wait at once.
 * <p>
 * The server runs in a session of its own, so a Ctrl-C at the launcher's terminal reaches only the
 * launcher, which then stops the servers in order. Its settings reach it as environment variables
 * (MicroProfile Config reads {@code guitai.hq.credential} as {@code GUITAI_HQ_CREDENTIAL}), never on
 * its command line, which every local user can read.
 */
public final class ServerProcess {

    /** Where the server's output goes: a log file (the demo) or the launcher's own output (a component). */
    public enum Output { LOG_FILE, CONSOLE }

    /** How the JVM is run besides its heap. */
    public enum Footprint {
        /** A server's JVM, as the JDK sizes it for the machine. */
        SERVER,
        /**
         * A counter's JVM, which serves one cashier from a small heap and should stay small as a
         * whole process: the serial collector (no G1 remembered sets and card tables to keep, and a
         * pause on a small heap is short), and at most two glibc malloc arenas instead of eight per
         * core for its many threads.
         */
        COUNTER
    }

    /**
     * The counter's JVM options ({@link Footprint#COUNTER}): the serial collector, and native memory
     * the JVM freed (the compilers' scratch arenas above all) handed back to the system every few
     * seconds where this JDK can (17.0.9 on); the servers run on the launcher's own JDK.
     */
    static final List<String> COUNTER_OPTIONS = vmKnows("TrimNativeHeapInterval")
            ? List.of("-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000") : List.of("-XX:+UseSerialGC");
    /** The counter's environment besides its settings ({@link Footprint#COUNTER}): glibc's arenas. */
    static final Map<String, String> COUNTER_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    /** util-linux setsid; without it (not Linux) the servers share the launcher's process group. */
    static final Optional<Path> SETSID = onPath("setsid");
    private static final String LISTENER_ADDRESS =
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=";

    private final String name;
    private final Path war;
    private final int port;
    private final Path home;
    private final Path payaraJar;
    private final Path driverJar;
    private final String maxHeap;
    private final Footprint footprint;
    private final Map<String, String> settings;
    private final Optional<String> bindAddress;
    private final Output output;
    private final String statusPath;
    private volatile Process process;
    private volatile BootLog bootLog = new BootLog();

    /**
     * @param driverJar   the MariaDB JDBC driver, put on Payara's own class path; the WARs do not carry it
     * @param settings    the application's settings (MicroProfile keys), passed in the environment
     * @param bindAddress the one address to listen on, or empty for every interface
     * @param statusPath  a public path of the application that answers 200 once its API is served
     */
    public ServerProcess(String name, Path war, int port, Path home, Path payaraJar, Path driverJar, String maxHeap,
                         Map<String, String> settings, Optional<String> bindAddress, Output output, String statusPath) {
        this(name, war, port, home, payaraJar, driverJar, maxHeap, Footprint.SERVER, settings, bindAddress, output, statusPath);
    }

    /** @param footprint how the JVM is run besides its heap */
    public ServerProcess(String name, Path war, int port, Path home, Path payaraJar, Path driverJar, String maxHeap, Footprint footprint,
                         Map<String, String> settings, Optional<String> bindAddress, Output output, String statusPath) {
        this.name = name;
        this.war = war;
        this.port = port;
        this.home = home;
        this.payaraJar = payaraJar;
        this.driverJar = driverJar;
        this.maxHeap = maxHeap;
        this.footprint = footprint;
        this.settings = Map.copyOf(settings);
        this.bindAddress = bindAddress;
        this.output = output;
        this.statusPath = statusPath;
    }

    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        for (Path file : List.of(war, payaraJar, driverJar)) {
            requireFile(file, "the distribution is incomplete: copy its whole folder again (or build it with mvn -DskipTests package)");
        }
        try {
            // a runtime folder left by an earlier start lists the application in its domain.xml: Payara
            // would start that copy and then the one given with --deploy, running start-up twice
            Guitai.deleteTree(runtime());
            Files.createDirectories(runtime());
            Files.createDirectories(home.resolve("tmp").resolve(name));
            Files.createDirectories(log().getParent());
            Files.writeString(prebootFile(), prebootCommands(), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            Map<String, String> wanted = environment(environment);
            environment.clear();
            environment.putAll(wanted);
            BootLog boot = new BootLog();
            Process started = builder.start();
            bootLog = boot;
            process = started;
            pump(started, boot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The command line: JVM and Payara options only; no setting, and so no secret, appears on it. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        if (footprint == Footprint.COUNTER) {
            command.addAll(COUNTER_OPTIONS);
        }
        command.add("-Djava.io.tmpdir=" + home.resolve("tmp").resolve(name));
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Djava.awt.headless=true");
        // the data grid binds to the one interface named in the pre-boot commands, not to all of them
        command.add("-Dhazelcast.socket.bind.any=false");
        command.addAll(List.of("-jar", payaraJar.toString(), "--nocluster", "--disablephonehome",
                "--rootdir", runtime().toString(), "--prebootcommandfile", prebootFile().toString(),
                "--addlibs", driverJar.toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port)));
        return command;
    }

    /**
     * The launcher's environment plus the settings under their MicroProfile environment names; a
     * setting given here replaces the same key inherited in any of the forms MicroProfile reads. A
     * counter's JVM gets its malloc arena limit unless the operator set one.
     */
    Map<String, String> environment(Map<String, String> inherited) {
        Map<String, String> environment = new HashMap<>(inherited);
        if (footprint == Footprint.COUNTER) {
            COUNTER_ENVIRONMENT.forEach(environment::putIfAbsent);
        }
        settings.forEach((key, value) -> {
            String underscored = key.replaceAll("[^A-Za-z0-9]", "_");
            environment.remove(key);
            environment.remove(underscored);
            environment.put(underscored.toUpperCase(), value);
        });
        return environment;
    }

    /**
     * asadmin commands Payara runs before it opens any port: the HTTP listener on the bind address,
     * and the data grid (which nothing uses with clustering off) on loopback only.
     */
    String prebootCommands() {
        StringBuilder commands = new StringBuilder("# written by the Guitai launcher at every start\n");
        bindAddress.ifPresent(address -> commands.append(LISTENER_ADDRESS).append(address).append('\n'));
        commands.append("set hazelcast-runtime-configuration.interface=127.0.0.1\n");
        return commands.toString();
    }

    /** Copies the server's output to its log file or the console, and reads it for a failed deployment. */
    private void pump(Process started, BootLog boot) throws IOException {
        Writer sink = output == Output.CONSOLE
                ? new java.io.PrintWriter(System.out, true)
                : Files.newBufferedWriter(log(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    boot.accept(line);
                    sink.write(line);
                    sink.write(System.lineSeparator());
                    sink.flush();
                }
            } catch (IOException ended) {
                // the process is gone; what it wrote is in the sink
            } finally {
                try {
                    if (output == Output.CONSOLE) {
                        sink.flush();
                    } else {
                        sink.close();
                    }
                } catch (IOException ignored) {
                    // nothing more to write
                }
            }
        }, "guitai-output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Waits until the server reports ready; fails early if the process dies or its application does
     * not deploy, naming the reason (a refused setting names its key).
     */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> failure = bootLog.failure();
            if (failure.isPresent()) {
                throw new IllegalStateException(name + " did not deploy: " + failure.get() + where());
            }
            if (!isAlive()) {
                throw new IllegalStateException(name + " stopped while starting" + where() + ":\n" + logTail(40));
            }
            Optional<HttpResponse<String>> health = probe("/health/ready");
            if (health.filter(r -> r.statusCode() == 200 && r.body().contains("\"checks\":[{")).isPresent()
                    && probe(statusPath).filter(r -> r.statusCode() == 200).isPresent()) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s" + where()
                + (output == Output.LOG_FILE ? ":\n" + logTail(40) : ""));
    }

    private String where() {
        return output == Output.LOG_FILE ? " (its log: " + log() + ")" : "";
    }

    /**
     * Asks the server to shut down (SIGTERM) and waits; kills it if it does not stop in time. The
     * signal goes through the process handle: {@code Process.destroy} would also close the pipe its
     * last log lines come through.
     */
    public synchronized void stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.toHandle().destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.toHandle().destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Optional<HttpResponse<String>> probe(String path) {
        HttpRequest request = HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return Optional.of(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(5, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException notYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** Kills the server without letting it finish anything: a power cut. */
    public synchronized void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.toHandle().destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs in the foreground until the process ends; its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /**
     * Where the launcher reaches the server: its bind address, else loopback by address ("localhost"
     * may resolve to ::1 first, where Payara does not listen by default).
     */
    public URI url() {
        String host = bindAddress.orElse("127.0.0.1");
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    public Path log() {
        return home.resolve("logs").resolve(name + ".log");
    }

    private Path runtime() {
        return home.resolve("payara").resolve(name);
    }

    private Path prebootFile() {
        return home.resolve("payara").resolve(name + ".preboot.asadmin");
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Whether this JVM has the option: a JVM given one it does not know refuses to start. */
    static boolean vmKnows(String option) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(option);
            return true;
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return false;
        }
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void requireFile(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: " + hint);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
