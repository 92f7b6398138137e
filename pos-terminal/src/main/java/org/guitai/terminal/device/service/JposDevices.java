package org.guitai.terminal.device.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import jpos.BaseControl;
import jpos.CashDrawer;
import jpos.JposConst;
import jpos.JposException;
import jpos.LineDisplay;
import jpos.LineDisplayConst;
import jpos.POSPrinter;
import jpos.POSPrinterConst;
import jpos.Scanner;
import jpos.config.JposEntry;
import jpos.config.JposEntryRegistry;
import jpos.config.JposRegPopulator;
import jpos.events.DataListener;
import jpos.events.StatusUpdateListener;
import jpos.loader.JposServiceLoader;
import org.guitai.terminal.device.domain.DeviceCategory;
import org.guitai.terminal.device.domain.Printout;
import org.guitai.terminal.device.simulator.DeviceService;

/**
 * The counter's four JavaPOS controls, opened, claimed and enabled by logical name from one jpos.xml
 * (a file on disk). A device that does not open is kept with the reason, and the counter sells
 * without it. The JavaPOS loader is one per JVM: {@link #open} points it at the file first.
 */
public final class JposDevices implements AutoCloseable {

    public static final String PRINTER = "GuitaiPrinter";
    public static final String DRAWER = "GuitaiDrawer";
    public static final String DISPLAY = "GuitaiDisplay";
    public static final String SCANNER = "GuitaiScanner";

    private static final Logger LOG = Logger.getLogger(JposDevices.class.getName());
    private static final int CLAIM_TIMEOUT_MS = 1_000;

    /** A device as the screen shows it: open or not, and the reason when not. */
    public record Status(String logicalName, DeviceCategory category, boolean open, Optional<String> error) {
    }

    @FunctionalInterface
    private interface Step {
        void run() throws JposException;
    }

    private final POSPrinter printer = new POSPrinter();
    private final CashDrawer drawer = new CashDrawer();
    private final LineDisplay display = new LineDisplay();
    private final Scanner scanner = new Scanner();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Boolean> opened = new ConcurrentHashMap<>();
    private final Map<String, String> serviceClasses = new ConcurrentHashMap<>();

    private JposDevices() {
    }

    /**
     * Reads the devices of {@code jposXml} and opens each; relative paths of the simulated devices
     * lie in {@code dataDir}. Printer status updates (paper back, cover shut, on line) and scanned
     * labels go to the listeners given.
     */
    public static JposDevices open(Path jposXml, Path dataDir, Runnable printerBack, DataListener scans) {
        JposDevices devices = new JposDevices();
        try {
            configure(jposXml, dataDir);
        } catch (IllegalStateException e) {
            for (String name : List.of(PRINTER, DRAWER, DISPLAY, SCANNER)) {
                devices.failures.put(name, e.getMessage());
            }
            return devices;
        }
        devices.printer.addStatusUpdateListener(printerBack(printerBack));
        devices.scanner.addDataListener(scans);
        devices.openOne(PRINTER, devices.printer, () -> { });
        devices.openOne(DRAWER, devices.drawer, () -> { });
        devices.openOne(DISPLAY, devices.display, devices.display::clearText);
        devices.openOne(SCANNER, devices.scanner, () -> {
            devices.scanner.setDecodeData(true);
            devices.scanner.setDataEventEnabled(true);
        });
        return devices;
    }

    private static StatusUpdateListener printerBack(Runnable back) {
        return event -> {
            int s = event.getStatus();
            if (s == POSPrinterConst.PTR_SUE_REC_PAPEROK || s == POSPrinterConst.PTR_SUE_COVER_OK || s == JposConst.JPOS_SUE_POWER_ONLINE
                    || s == POSPrinterConst.PTR_SUE_IDLE) {
                back.run();
            }
        };
    }

    /**
     * Points the JavaPOS loader at this jpos.xml: the system properties its first use reads, and
     * the registry's entries replaced by the file's (the loader, once made, never reads them again).
     *
     * @throws IllegalStateException naming the file when it is missing or does not load
     */
    static synchronized void configure(Path jposXml, Path dataDir) {
        Path file = jposXml.toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no jpos.xml at " + file + " (guitai.terminal.jpos-xml)");
        }
        System.setProperty("jpos.config.regPopulatorClass", "jpos.config.simple.xml.SimpleXmlRegPopulator");
        System.setProperty("jpos.config.populatorFile", file.toString());
        System.setProperty(DeviceService.DATA_DIR_PROPERTY, dataDir.toAbsolutePath().toString());
        JposEntryRegistry registry = JposServiceLoader.getManager().getEntryRegistry();
        JposRegPopulator populator = registry.getRegPopulator();
        populator.load(file.toString());
        if (populator.getLastLoadException() != null) {
            throw new IllegalStateException("the jpos.xml at " + file + " does not load: " + populator.getLastLoadException());
        }
        List<JposEntry> entries = entries(populator.getEntries());
        if (entries.isEmpty()) {
            throw new IllegalStateException("the jpos.xml at " + file + " names no device JavaPOS accepts "
                    + "(is each <jpos version> one of 1.4a .. 1.14?)");
        }
        for (JposEntry known : entries(registry.getEntries())) {
            registry.removeJposEntry(known.getLogicalName());
        }
        entries.forEach(registry::addJposEntry);
        LOG.info(() -> "JavaPOS devices from " + file + ": " + entries.stream().map(JposEntry::getLogicalName).toList());
    }

    private static List<JposEntry> entries(java.util.Enumeration<?> all) {
        List<JposEntry> entries = new ArrayList<>();
        for (Object entry : Collections.list(all)) {
            entries.add((JposEntry) entry);
        }
        return entries;
    }

    private void openOne(String name, BaseControl control, Step ready) {
        JposEntry entry = JposServiceLoader.getManager().getEntryRegistry().getJposEntry(name);
        if (entry != null && entry.getPropertyValue(JposEntry.SERVICE_CLASS_PROP_NAME) != null) {
            serviceClasses.put(name, entry.getPropertyValue(JposEntry.SERVICE_CLASS_PROP_NAME).toString());
        }
        try {
            control.open(name);
            control.claim(CLAIM_TIMEOUT_MS);
            control.setDeviceEnabled(true);
            ready.run();
            opened.put(name, true);
            failures.remove(name);
        } catch (JposException e) {
            failures.put(name, describe(e));
            LOG.warning(() -> name + " did not open, the counter sells without it: " + describe(e));
            try {
                control.close();
            } catch (JposException ignored) {
                // it was not open
            }
        }
    }

    static String describe(JposException e) {
        return e.getMessage() + " (JavaPOS error " + e.getErrorCode() + (e.getErrorCodeExtended() != 0 ? "/" + e.getErrorCodeExtended() : "") + ")";
    }

    public List<Status> statuses() {
        return List.of(status(SCANNER, DeviceCategory.SCANNER), status(PRINTER, DeviceCategory.POS_PRINTER),
                status(DRAWER, DeviceCategory.CASH_DRAWER), status(DISPLAY, DeviceCategory.LINE_DISPLAY));
    }

    private Status status(String name, DeviceCategory category) {
        return new Status(name, category, opened.getOrDefault(name, false), Optional.ofNullable(failures.get(name)));
    }

    /** Whether the device is one of the terminal's simulators (which take the simulator's commands). */
    public boolean simulated(String name) {
        return serviceClasses.getOrDefault(name, "").startsWith(DeviceService.class.getPackageName() + ".");
    }

    public boolean isOpen(String name) {
        return opened.getOrDefault(name, false);
    }

    /** Prints a document as one receipt transaction: its text, its barcode (Code 128) under it, and a cut. */
    public void print(Printout printout) throws JposException {
        requireOpen(PRINTER);
        synchronized (printer) {
            try {
                printer.transactionPrint(POSPrinterConst.PTR_S_RECEIPT, POSPrinterConst.PTR_TP_TRANSACTION);
                printer.printNormal(POSPrinterConst.PTR_S_RECEIPT, printout.paperText());
                if (printout.barcode().isPresent()) {
                    printer.printBarCode(POSPrinterConst.PTR_S_RECEIPT, printout.barcode().get(), POSPrinterConst.PTR_BCS_Code128, 80, 360,
                            POSPrinterConst.PTR_BC_CENTER, POSPrinterConst.PTR_BC_TEXT_BELOW);
                }
                printer.cutPaper(90);
                printer.transactionPrint(POSPrinterConst.PTR_S_RECEIPT, POSPrinterConst.PTR_TP_NORMAL);
            } catch (JposException e) {
                try {
                    printer.clearOutput();
                } catch (JposException ignored) {
                    // the printer is in no state to clear: the next transaction starts afresh anyway
                }
                throw e;
            }
        }
    }

    public void openDrawer() throws JposException {
        requireOpen(DRAWER);
        drawer.openDrawer();
    }

    public boolean drawerOpened() throws JposException {
        requireOpen(DRAWER);
        return drawer.getDrawerOpened();
    }

    /** Shows two lines on the customer's line display, each from its first column. */
    public void showLines(List<String> lines) throws JposException {
        requireOpen(DISPLAY);
        synchronized (display) {
            display.clearText();
            for (int row = 0; row < lines.size() && row < display.getRows(); row++) {
                if (!lines.get(row).isEmpty()) {
                    display.displayTextAt(row, 0, lines.get(row), LineDisplayConst.DISP_DT_NORMAL);
                }
            }
        }
    }

    /** Lets the scanner deliver its next label (JavaPOS turns data events off with each one delivered). */
    public void nextScan() throws JposException {
        scanner.setDataEventEnabled(true);
    }

    /** Reads the label of the data event being delivered: its text and its symbology. */
    public Scanned scanned() throws JposException {
        byte[] label = scanner.getScanDataLabel();
        byte[] data = label.length > 0 ? label : scanner.getScanData();
        return new Scanned(new String(data, java.nio.charset.StandardCharsets.UTF_8).strip(), scanner.getScanDataType());
    }

    /** A label as the scanner read it. */
    public record Scanned(String text, int type) {
    }

    /** A device command ({@code directIO}); a device that does not know it refuses with JPOS_E_ILLEGAL. */
    public List<Object> command(String name, int command, Object argument) throws JposException {
        requireOpen(name);
        BaseControl control = switch (name) {
            case PRINTER -> printer;
            case DRAWER -> drawer;
            case DISPLAY -> display;
            case SCANNER -> scanner;
            default -> throw new IllegalArgumentException(name);
        };
        List<Object> out = new ArrayList<>();
        control.directIO(command, new int[1], argument == null ? out : argument);
        return out;
    }

    private void requireOpen(String name) throws JposException {
        if (!isOpen(name)) {
            throw new JposException(JposConst.JPOS_E_CLOSED, name + " is not open: " + failures.getOrDefault(name, "not configured"));
        }
    }

    @Override
    public void close() {
        for (BaseControl control : List.of(scanner, display, drawer, printer)) {
            try {
                if (control.getState() != JposConst.JPOS_S_CLOSED) {
                    control.close();
                }
            } catch (JposException e) {
                LOG.fine(() -> "closing a device: " + describe(e));
            }
        }
        opened.clear();
    }
}
