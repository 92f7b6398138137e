package org.guitai.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a server is launched: in its own session, its settings in its environment, on the address it is given. */
class ServerProcessTest {

    private static final String SECRET = "credential-of-S001-that-nobody-may-see";

    private static ServerProcess server(Optional<String> bindAddress) {
        return new ServerProcess("store-s001", Path.of("store.war"), 8081, Path.of("/home/guitai"), Path.of("payara-micro.jar"),
                Path.of("driver.jar"), "384m", Map.of("guitai.hq.credential", SECRET, "guitai.db.password", "db-secret"),
                bindAddress, ServerProcess.Output.LOG_FILE, "/api/status");
    }

    private static ServerProcess counter() {
        return new ServerProcess("terminal-t1", Path.of("terminal.war"), 8080, Path.of("/home/guitai"), Path.of("payara-micro.jar"),
                Path.of("driver.jar"), "192m", ServerProcess.Footprint.COUNTER, Map.of("guitai.terminal.id", "T1"), Optional.empty(),
                ServerProcess.Output.LOG_FILE, "/api/terminal");
    }

    @Test
    void aCounterRunsTheSerialCollectorWithFewMallocArenasAServerAsTheJdkSizesIt() {
        List<String> counter = counter().command();
        assertTrue(counter.contains("-Xmx192m") && counter.contains("-XX:+UseSerialGC"), counter::toString);
        assertTrue(counter.indexOf("-XX:+UseSerialGC") < counter.indexOf("-jar"), "a JVM option, before the jar: " + counter);
        assertEquals("2", counter().environment(Map.of("PATH", "/usr/bin")).get("MALLOC_ARENA_MAX"));
        assertEquals("4", counter().environment(Map.of("MALLOC_ARENA_MAX", "4")).get("MALLOC_ARENA_MAX"), "the operator's own limit stands");
        assertTrue(ServerProcess.vmKnows("UseSerialGC") && !ServerProcess.vmKnows("NoSuchOptionAnywhere"));
        assertEquals(ServerProcess.vmKnows("TrimNativeHeapInterval"), counter.contains("-XX:TrimNativeHeapInterval=5000"),
                "trimmed where the JDK can: " + counter);
        List<String> server = server(Optional.empty()).command();
        assertTrue(server.stream().noneMatch(arg -> arg.startsWith("-XX:")), server::toString);
        assertFalse(server(Optional.empty()).environment(Map.of("PATH", "/usr/bin")).containsKey("MALLOC_ARENA_MAX"));
    }

    @Test
    void noSettingAppearsOnTheCommandLine() {
        List<String> command = server(Optional.empty()).command();
        assertFalse(String.join(" ", command).contains(SECRET), command::toString);
        assertFalse(String.join(" ", command).contains("db-secret"), command::toString);
        assertTrue(command.stream().noneMatch(arg -> arg.startsWith("-Dguitai.")), command::toString);
    }

    @Test
    void settingsTravelInTheEnvironmentUnderTheirMicroProfileNamesAndWinOverInheritedOnes() {
        Map<String, String> environment = server(Optional.empty()).environment(
                Map.of("PATH", "/usr/bin", "guitai_hq_credential", "stale", "GUITAI_HQ_CREDENTIAL", "stale"));
        assertEquals(SECRET, environment.get("GUITAI_HQ_CREDENTIAL"));
        assertEquals("db-secret", environment.get("GUITAI_DB_PASSWORD"));
        assertFalse(environment.containsKey("guitai_hq_credential"), "MicroProfile would read this form first");
        assertEquals("/usr/bin", environment.get("PATH"));
    }

    @Test
    void theServerRunsInASessionOfItsOwnWhereSetsidExists() {
        List<String> command = server(Optional.empty()).command();
        assertEquals(ServerProcess.SETSID.map(Path::toString).orElse(command.get(0)), command.get(0));
        assertTrue(ServerProcess.SETSID.isPresent() || !System.getProperty("os.name").contains("Linux"), "setsid is there on Linux");
    }

    @Test
    void aBindAddressPutsTheHttpListenerOnItAndTheDataGridOnLoopback() {
        String commands = server(Optional.of("127.0.0.1")).prebootCommands();
        assertTrue(commands.contains("network-listener.http-listener.address=127.0.0.1\n"), commands);
        assertTrue(commands.contains("set hazelcast-runtime-configuration.interface=127.0.0.1\n"), commands);
        assertTrue(server(Optional.of("127.0.0.1")).command().contains("-Dhazelcast.socket.bind.any=false"));
        assertEquals("http://127.0.0.1:8081", server(Optional.of("127.0.0.1")).url().toString());
    }

    @Test
    void withoutABindAddressTheHttpListenerKeepsEveryInterface() {
        String commands = server(Optional.empty()).prebootCommands();
        assertFalse(commands.contains("http-listener.address"), commands);
        assertTrue(commands.contains("hazelcast-runtime-configuration.interface=127.0.0.1"), commands);
        assertEquals("http://[::1]:8081", server(Optional.of("::1")).url().toString());
    }
}
