package org.guitai.terminal.device.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import jpos.JposConst;
import jpos.JposException;
import jpos.POSPrinterConst;
import org.guitai.terminal.device.domain.Printout;
import org.guitai.terminal.device.service.JposDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated devices of the shipped config/terminal/jpos.xml, driven through the standard
 * JavaPOS controls as the terminal drives them: receipts on paper with their barcodes, the
 * printer's faults as a real printer reports them, the drawer, the line display and the scanner.
 */
class SimulatedDevicesTest {

    static final Path SHIPPED = Path.of("..", "config", "terminal", "jpos.xml");

    @TempDir
    Path dataDir;

    private final LinkedBlockingQueue<JposDevices.Scanned> scans = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> printerBack = new LinkedBlockingQueue<>();
    private JposDevices devices;

    @BeforeEach
    void open() {
        devices = JposDevices.open(SHIPPED, dataDir, () -> printerBack.add("back"), event -> {
            try {
                scans.add(devices.scanned());
                devices.nextScan();
            } catch (JposException closedMeanwhile) {
                // a label delivered as the test ends
            }
        });
    }

    @AfterEach
    void close() {
        devices.close();
    }

    @Test
    void everyDeviceOfTheShippedFileOpens() {
        devices.statuses().forEach(s -> assertTrue(s.open(), s::toString));
    }

    @Test
    void aReceiptIsATextFileWithItsBarcodeAsAPngThatDecodesToTheCode() throws Exception {
        devices.print(new Printout("小票", "桂台 收款小票\n合计 ¥279.00\n", Optional.of("S001-00000042"), false));

        Path paper = dataDir.resolve("printer");
        List<Path> texts = files(paper, ".txt");
        assertEquals(1, texts.size(), texts::toString);
        String text = Files.readString(texts.get(0), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("桂台 收款小票\n合计 ¥279.00\n"), text);
        assertTrue(text.contains("[S001-00000042]"), text);
        List<Path> images = files(paper, ".png");
        assertEquals(1, images.size(), images::toString);
        assertEquals("S001-00000042", decode(images.get(0)));
        assertEquals(List.of(text), devices.command(JposDevices.PRINTER, SimulatorCommands.LAST_RECEIPTS, null));
    }

    @Test
    void withoutPaperPrintingFailsAsARealPrinterSaysSoAndNothingComesOut() throws Exception {
        devices.command(JposDevices.PRINTER, SimulatorCommands.PAPER_OUT, null);
        JposException out = assertThrows(JposException.class, () -> devices.print(new Printout("t", "x", Optional.empty(), false)));
        assertEquals(JposConst.JPOS_E_EXTENDED, out.getErrorCode());
        assertEquals(POSPrinterConst.JPOS_EPTR_REC_EMPTY, out.getErrorCodeExtended());

        devices.command(JposDevices.PRINTER, SimulatorCommands.PAPER_LOADED, null);
        assertEquals("back", printerBack.poll(5, TimeUnit.SECONDS), "a status update says the paper is back");
        devices.command(JposDevices.PRINTER, SimulatorCommands.COVER_OPEN, null);
        JposException cover = assertThrows(JposException.class, () -> devices.print(new Printout("t", "x", Optional.empty(), false)));
        assertEquals(POSPrinterConst.JPOS_EPTR_COVER_OPEN, cover.getErrorCodeExtended());
        devices.command(JposDevices.PRINTER, SimulatorCommands.COVER_CLOSED, null);
        devices.command(JposDevices.PRINTER, SimulatorCommands.OFFLINE, null);
        JposException offline = assertThrows(JposException.class, () -> devices.print(new Printout("t", "x", Optional.empty(), false)));
        assertEquals(JposConst.JPOS_E_OFFLINE, offline.getErrorCode());
        assertFalse(Files.exists(dataDir.resolve("printer")) && !files(dataDir.resolve("printer"), ".txt").isEmpty(), "no paper came out");

        devices.command(JposDevices.PRINTER, SimulatorCommands.ONLINE, null);
        devices.print(new Printout("t", "x", Optional.empty(), false));
        assertEquals(1, files(dataDir.resolve("printer"), ".txt").size());
    }

    @Test
    void theDrawerOpensAndStaysOpenUntilPushedShut() throws Exception {
        assertFalse(devices.drawerOpened());
        devices.openDrawer();
        assertTrue(devices.drawerOpened());
        devices.command(JposDevices.DRAWER, SimulatorCommands.CLOSE_DRAWER, null);
        assertFalse(devices.drawerOpened());
    }

    @Test
    void theLineDisplayKeepsItsTwoLines() throws Exception {
        devices.showLines(List.of("电饭煲 美的 ×2  ¥558.00", "合计         ¥558.00"));
        assertEquals(List.of("电饭煲 美的 ×2  ¥558.00", "合计         ¥558.00"), devices.command(JposDevices.DISPLAY, SimulatorCommands.SHOWN_LINES, null));
        devices.showLines(List.of("谢谢惠顾", ""));
        assertEquals(List.of("谢谢惠顾", ""), devices.command(JposDevices.DISPLAY, SimulatorCommands.SHOWN_LINES, null));
    }

    @Test
    void scannedLabelsArriveAsDataEventsInOrder() throws Exception {
        devices.command(JposDevices.SCANNER, SimulatorCommands.SCAN, "6910384000029");
        devices.command(JposDevices.SCANNER, SimulatorCommands.SCAN, "S001-00000042");
        JposDevices.Scanned first = scans.poll(5, TimeUnit.SECONDS);
        JposDevices.Scanned second = scans.poll(5, TimeUnit.SECONDS);
        assertEquals("6910384000029", first == null ? null : first.text());
        assertEquals("S001-00000042", second == null ? null : second.text());
    }

    @Test
    void aSimulatorsCommandIsRefusedByADeviceThatDoesNotKnowIt() {
        JposException refused = assertThrows(JposException.class, () -> devices.command(JposDevices.DRAWER, SimulatorCommands.PAPER_OUT, null));
        assertEquals(JposConst.JPOS_E_ILLEGAL, refused.getErrorCode());
    }

    static List<Path> files(Path folder, String suffix) throws IOException {
        try (var listing = Files.list(folder)) {
            return listing.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static String decode(Path png) throws IOException, NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(ImageIO.read(png.toFile()))));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
