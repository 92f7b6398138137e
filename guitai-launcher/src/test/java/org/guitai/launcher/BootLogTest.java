package org.guitai.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Payara Micro's own output, captured from real boots of the terminal WAR, read for a failed deployment. */
class BootLogTest {

    @Test
    void aRefusedSettingFailsTheBootAndNamesTheKey() throws IOException {
        BootLog log = read("payara/failed-deployment-output.txt");
        assertEquals(Optional.of("Invalid settings, refusing to start: guitai.terminal.id is missing: expected 1 to 16 letters, digits or dashes"),
                log.failure());
    }

    @Test
    void aDeployedApplicationIsNoFailure() throws IOException {
        assertEquals(Optional.empty(), read("payara/deployed-output.txt").failure());
    }

    @Test
    void anEmptyListOfDeployedApplicationsIsAFailureEvenWithoutPayarasErrorLine() {
        BootLog log = new BootLog();
        for (String line : new String[] {
                "Caused by: org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation",
                "    \"Instance Configuration\": {",
                "        \"Deployed\": [",
                "",
                "        ]",
                "Payara Micro 6.2025.10 (build 42) ready in 6,759 (ms)"}) {
            log.accept(line);
        }
        assertEquals(Optional.of("org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation"),
                log.failure());
    }

    @Test
    void nothingFailsBeforePayaraSaysSo() {
        BootLog log = new BootLog();
        log.accept("Caused by: java.net.ConnectException: Connection refused");
        assertTrue(log.failure().isEmpty(), "an exception on its own is not a failed deployment");
        log.accept("[SEVERE] [] [javax.enterprise.system.core] " + BootLog.LOAD_FAILED);
        assertEquals(Optional.of("java.net.ConnectException: Connection refused"), log.failure());
    }

    private static BootLog read(String resource) throws IOException {
        BootLog log = new BootLog();
        try (InputStream in = BootLogTest.class.getClassLoader().getResourceAsStream(resource)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(log::accept);
        }
        return log;
    }
}
