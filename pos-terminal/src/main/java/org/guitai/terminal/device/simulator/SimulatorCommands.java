package org.guitai.terminal.device.simulator;

/**
 * The {@code directIO} commands the simulated devices understand: what a person would do to a real
 * device (load paper, shut the drawer, scan a label) and what they would see on it. A vendor's
 * service refuses them as the illegal commands they are to it, so nothing else needs to know
 * whether a device is simulated. {@code "GU"} in the high bytes keeps them clear of vendors' own numbers.
 */
public final class SimulatorCommands {

    private static final int BASE = 0x4755_0000;

    /** Printer: the receipt paper runs out; prints fail until {@link #PAPER_LOADED}. */
    public static final int PAPER_OUT = BASE + 1;
    public static final int PAPER_LOADED = BASE + 2;
    public static final int COVER_OPEN = BASE + 3;
    public static final int COVER_CLOSED = BASE + 4;
    /** Printer: switched off or unplugged; prints fail until {@link #ONLINE}. */
    public static final int OFFLINE = BASE + 5;
    public static final int ONLINE = BASE + 6;
    /** Printer: adds the last receipts' text, oldest first, to the {@code java.util.List} passed as the object. */
    public static final int LAST_RECEIPTS = BASE + 10;
    /** Printer: adds the paths of the last receipts' files, oldest first, to the {@code java.util.List} passed as the object. */
    public static final int LAST_FILES = BASE + 11;
    /** Drawer: the cashier pushes it shut. */
    public static final int CLOSE_DRAWER = BASE + 20;
    /** Line display: adds the lines shown, top first, to the {@code java.util.List} passed as the object. */
    public static final int SHOWN_LINES = BASE + 30;
    /** Scanner: a label is read; the object is its text. */
    public static final int SCAN = BASE + 40;

    private SimulatorCommands() {
    }
}
