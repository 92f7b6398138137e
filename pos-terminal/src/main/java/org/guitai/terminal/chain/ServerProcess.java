package org.guitai.terminal.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One server of the chain: a Payara Micro process running one WAR at the root context, with
 * clustering off, its own runtime folder, and its output in a log file. Ready means
 * {@code /health/ready} answers UP with the application's own checks in it (a failed deployment
 * has none, and reports DOWN) and the application's status path answers.
 */
public final class ServerProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path war;
    private final int port;
    private final Path home;
    private final Path payaraJar;
    private final Path driverJar;
    private final String maxHeap;
    private final Map<String, String> properties;
    private final boolean inheritOutput;
    private final String statusPath;
    private volatile Process process;

    /**
     * @param driverJar  the MariaDB JDBC driver, put on Payara's own class path; the WARs do not carry it
     * @param statusPath a public path of the application that answers 200 once its API is served
     */
    public ServerProcess(String name, Path war, int port, Path home, Path payaraJar, Path driverJar, String maxHeap,
                         Map<String, String> properties, boolean inheritOutput, String statusPath) {
        this.name = name;
        this.war = war;
        this.port = port;
        this.home = home;
        this.payaraJar = payaraJar;
        this.driverJar = driverJar;
        this.maxHeap = maxHeap;
        this.properties = Map.copyOf(properties);
        this.inheritOutput = inheritOutput;
        this.statusPath = statusPath;
    }

    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        requireFile(war, "build it with: mvn -DskipTests package");
        requireFile(payaraJar, "build it with: mvn -DskipTests package");
        requireFile(driverJar, "build it with: mvn -DskipTests package");
        try {
            Path runtime = home.resolve("payara").resolve(name);
            Path tmp = home.resolve("tmp").resolve(name);
            Files.createDirectories(runtime);
            Files.createDirectories(tmp);
            Files.createDirectories(log().getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + maxHeap);
            command.add("-Djava.io.tmpdir=" + tmp);
            command.add("-Dfile.encoding=UTF-8");
            command.add("-Djava.awt.headless=true");
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", payaraJar.toString(), "--nocluster", "--disablephonehome",
                    "--rootdir", runtime.toString(), "--addlibs", driverJar.toString(), "--deploy", war.toString(), "--contextroot", "/", "--port", Integer.toString(port)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (inheritOutput) {
                builder.inheritIO();
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until the server reports ready; fails early, with the end of its log, if the process dies. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; the end of " + log() + ":\n" + logTail(40));
            }
            Optional<HttpResponse<String>> health = probe("/health/ready");
            if (health.filter(r -> r.statusCode() == 200 && r.body().contains("\"checks\":[{")).isPresent()
                    && probe(statusPath).filter(r -> r.statusCode() == 200).isPresent()) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; the end of " + log() + ":\n" + logTail(40));
    }

    /** Asks the server to shut down (SIGTERM) and waits; kills it if it does not stop in time. */
    public synchronized void stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
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
            p.destroyForcibly();
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

    /** Loopback by address: "localhost" may resolve to ::1 first, where Payara does not listen by default. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return home.resolve("logs").resolve(name + ".log");
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
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
