package org.guitai.terminal.device.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.guitai.terminal.device.domain.Printout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store swaps in its vendor's printer by editing jpos.xml alone: the terminal opens GuitaiPrinter and prints as before. */
class VendorSwapTest {

    @TempDir
    Path dataDir;

    @Test
    void theVendorsServiceNamedInTheSecondJposXmlPrintsTheReceipt() throws Exception {
        try (JposDevices devices = JposDevices.open(Path.of("src", "test", "resources", "vendor-jpos.xml"), dataDir, () -> { }, e -> { })) {
            devices.statuses().forEach(s -> assertTrue(s.open(), s::toString));
            devices.print(new Printout("小票", "桂台 收款小票\n合计 ¥279.00\n", Optional.of("S001-00000042"), false));
        }

        List<Path> labels;
        try (var listing = Files.list(dataDir.resolve("vendor-labels"))) {
            labels = listing.toList();
        }
        assertEquals(1, labels.size(), labels::toString);
        String zpl = Files.readString(labels.get(0), StandardCharsets.UTF_8);
        assertTrue(zpl.startsWith("^XA\n") && zpl.endsWith("^XZ\n"), zpl);
        assertTrue(zpl.contains("^FD合计 ¥279.00^FS"), zpl);
        assertTrue(zpl.contains("^BCN,80,Y,N,N^FDS001-00000042^FS"), zpl);
        assertFalse(Files.exists(dataDir.resolve("printer")), "the simulator's paper stays untouched");
    }

    @Test
    void theShippedFileAfterwardsOpensTheSimulatorAgain() throws Exception {
        try (JposDevices devices = JposDevices.open(Path.of("..", "config", "terminal", "jpos.xml"), dataDir, () -> { }, e -> { })) {
            devices.print(new Printout("t", "x\n", Optional.empty(), false));
        }
        assertTrue(Files.isDirectory(dataDir.resolve("printer")));
        assertFalse(Files.exists(dataDir.resolve("vendor-labels")));
    }
}
