package org.guitai.terminal.device.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.guitai.kernel.testing.Eventually;
import org.guitai.terminal.device.domain.PrinterFault;
import org.guitai.terminal.device.domain.Printout;
import org.guitai.terminal.device.simulator.SimulatorCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printer's queue in front of the simulated printer (the shipped jpos.xml): a job never holds
 * up its caller, waits through a fault, prints once the printer says it is back, and prints once.
 */
class ReceiptSpoolerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough that only the printer's own "ready again" can explain a retry within a test. */
    private static final Duration RETRY = Duration.ofMinutes(10);

    @TempDir
    Path dataDir;

    private final AtomicReference<ReceiptSpooler> spoolerRef = new AtomicReference<>();
    private JposDevices devices;
    private ReceiptSpooler spooler;

    @BeforeEach
    void start() {
        devices = JposDevices.open(Path.of("..", "config", "terminal", "jpos.xml"), dataDir, () -> spoolerRef.get().wake(), e -> { });
        spooler = new ReceiptSpooler(devices::print, Thread::new, RETRY, Clock.systemUTC());
        spoolerRef.set(spooler);
    }

    @AfterEach
    void stop() {
        spooler.close();
        devices.close();
    }

    @Test
    void withoutPaperTheJobWaitsAndPrintsExactlyOnceWhenPaperIsLoaded() throws Exception {
        devices.command(JposDevices.PRINTER, SimulatorCommands.PAPER_OUT, null);
        AtomicInteger fetched = new AtomicInteger();

        long before = System.nanoTime();
        assertTrue(spooler.submit("slip:sale-1", "slip S001-00000042", () -> {
            fetched.incrementAndGet();
            return new Printout("小票", "桂台 收款小票\n", Optional.of("S001-00000042"), false);
        }));
        assertTrue(Duration.ofNanos(System.nanoTime() - before).compareTo(Duration.ofSeconds(1)) < 0, "handing a job over never waits for the printer");
        assertFalse(spooler.submit("slip:sale-1", "slip S001-00000042 again", () -> {
            throw new AssertionError("a key is printed once");
        }));

        Eventually.until(WAIT, "the fault to show", () -> spooler.status().fault().equals(Optional.of(PrinterFault.PAPER_OUT)));
        ReceiptSpooler.Status waiting = spooler.status();
        assertEquals(1, waiting.waiting().size(), waiting::toString);
        assertEquals(Optional.of("paper-out"), waiting.waiting().get(0).error());
        assertEquals(List.of(), paper());

        devices.command(JposDevices.PRINTER, SimulatorCommands.PAPER_LOADED, null);
        Eventually.until(WAIT, "the job to print once the paper is back", () -> spooler.status().waiting().isEmpty());
        ReceiptSpooler.Status done = spooler.status();
        assertEquals(Optional.empty(), done.fault());
        assertEquals(1, done.printed());
        assertEquals(1, paper().size());
        assertTrue(Files.readString(paper().get(0), StandardCharsets.UTF_8).startsWith("桂台 收款小票\n"));
        assertEquals(1, fetched.get(), "the document is fetched once, however often it is tried");
    }

    @Test
    void jobsPrintInTheOrderTheyCameAndACopySaysSo() throws Exception {
        devices.command(JposDevices.PRINTER, SimulatorCommands.COVER_OPEN, null);
        spooler.submit("slip:a", "slip A", () -> new Printout("A", "first\n", Optional.empty(), false));
        spooler.submit("copy:1", "copy of A", () -> new Printout("A", "first\n", Optional.empty(), true));
        Eventually.until(WAIT, "the cover to be reported", () -> spooler.status().fault().equals(Optional.of(PrinterFault.COVER_OPEN)));
        assertEquals(2, spooler.status().waiting().size());

        devices.command(JposDevices.PRINTER, SimulatorCommands.COVER_CLOSED, null);
        Eventually.until(WAIT, "both to print", () -> spooler.status().printed() == 2);
        List<Path> printed = paper();
        assertEquals(2, printed.size());
        assertEquals("first\n", Files.readString(printed.get(0), StandardCharsets.UTF_8));
        assertEquals("*** 副本 COPY ***\nfirst\n", Files.readString(printed.get(1), StandardCharsets.UTF_8));
    }

    @Test
    void aStoreThatDoesNotAnswerKeepsTheJobAndOneThatRefusesEndsIt() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        spooler.submit("slip:b", "slip B", () -> {
            if (tries.incrementAndGet() == 1) {
                throw new IOException("connection refused");
            }
            return new Printout("B", "second\n", Optional.empty(), false);
        });
        Eventually.until(WAIT, "the store's silence to show", () -> spooler.status().error().isPresent());
        assertEquals(1, spooler.status().waiting().size());
        spooler.wake();
        Eventually.until(WAIT, "the job to print", () -> spooler.status().printed() == 1);

        spooler.submit("slip:gone", "slip of a sale the store does not know", () -> {
            throw new ReceiptSpooler.RefusedException("404 not-found");
        });
        Eventually.until(WAIT, "the refused job to leave the queue", () -> spooler.status().refused().size() == 1);
        assertEquals(List.of(), spooler.status().waiting());
        assertEquals(1, paper().size());
    }

    @Test
    void aDocumentNotFinalYetGivesItsKeyBackSoTheEventThatCompletesItPrintsItOnce() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        assertTrue(spooler.submit("return-slip:r1", "return slip R000001", () -> {
            asked.incrementAndGet();
            throw new ReceiptSpooler.NotYetException("return r1 is PARTLY_REFUNDED");
        }));
        Eventually.until(WAIT, "the job dropped, not refused", () -> asked.get() == 1 && spooler.status().waiting().isEmpty());
        assertEquals(List.of(), spooler.status().refused(), "not final yet is no refusal");
        assertTrue(spooler.submit("return-slip:r1", "return slip R000001", () -> new Printout("退货单", "退货单 R000001\n", Optional.of("R000001"), false)),
                "the key is free again");
        Eventually.until(WAIT, "the return slip to print", () -> spooler.status().printed() == 1);
        assertFalse(spooler.submit("return-slip:r1", "return slip R000001", () -> {
            throw new AssertionError("printed once");
        }));
        assertEquals(1, paper().size());
    }

    @Test
    void aDocumentAskedForAgainWhileItsFetchFindsItNotFinalIsFetchedOnceMore() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch askedAgain = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        assertTrue(spooler.submit("return-slip:r2", "return slip R000002", () -> {
            if (fetches.incrementAndGet() == 1) {
                fetching.countDown();
                // the refund that completes the return answers while the first fetch still reads it as partly refunded
                assertTrue(askedAgain.await(10, TimeUnit.SECONDS));
                throw new ReceiptSpooler.NotYetException("return r2 is PARTLY_REFUNDED");
            }
            return new Printout("退货单", "退货单 R000002\n", Optional.of("R000002"), false);
        }));
        assertTrue(fetching.await(10, TimeUnit.SECONDS));
        assertFalse(spooler.submit("return-slip:r2", "return slip R000002", () -> {
            throw new AssertionError("the queued job is the one fetched again");
        }), "the key is still taken while its job is fetched");
        askedAgain.countDown();
        Eventually.until(WAIT, "the return slip to print", () -> spooler.status().printed() == 1);
        assertEquals(2, fetches.get());
        assertEquals(1, paper().size());
    }

    @Test
    void aFetchedDocumentWaitingForPaperOutlivesARestartAndPrintsOnce() throws Exception {
        Path spool = dataDir.resolve("printer-spool");
        spooler.close();
        spooler = new ReceiptSpooler(devices::print, Optional.of(spool), Thread::new, RETRY, Clock.systemUTC());
        spoolerRef.set(spooler);
        devices.command(JposDevices.PRINTER, SimulatorCommands.PAPER_OUT, null);
        spooler.submit("slip:sale-9", "slip S001-00000009", () -> new Printout("小票", "桂台 收款小票 9\n", Optional.of("S001-00000009"), false));
        spooler.submit("slip:sale-10", "slip S001-00000010", () -> new Printout("小票", "桂台 收款小票 10\n", Optional.of("S001-00000010"), false));
        Eventually.until(WAIT, "both documents fetched and on disk", () -> {
            try {
                return jobs(spool).size() == 2;
            } catch (IOException e) {
                return false;
            }
        });

        spooler.close();
        spooler = new ReceiptSpooler(devices::print, Optional.of(spool), Thread::new, RETRY, Clock.systemUTC());
        spoolerRef.set(spooler);
        assertEquals(List.of("slip:sale-9", "slip:sale-10"), spooler.status().waiting().stream().map(ReceiptSpooler.Job::key).toList());
        assertFalse(spooler.submit("slip:sale-9", "again", () -> {
            throw new AssertionError("a key taken before the restart is still taken");
        }));

        devices.command(JposDevices.PRINTER, SimulatorCommands.PAPER_LOADED, null);
        Eventually.until(WAIT, "both to print", () -> spooler.status().printed() == 2);
        List<Path> printed = paper();
        assertEquals(2, printed.size());
        assertEquals("桂台 收款小票 9\n[S001-00000009]\n", Files.readString(printed.get(0), StandardCharsets.UTF_8));
        assertEquals(List.of(), jobs(spool), "nothing left to print after the next restart");
    }

    private static List<Path> jobs(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (var listing = Files.list(spool)) {
            return listing.filter(p -> p.toString().endsWith(".job")).toList();
        }
    }

    private List<Path> paper() throws IOException {
        Path folder = dataDir.resolve("printer");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var listing = Files.list(folder)) {
            return listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }
}
