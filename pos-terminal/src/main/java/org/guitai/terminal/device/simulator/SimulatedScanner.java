package org.guitai.terminal.device.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jpos.JposException;
import jpos.ScannerConst;
import jpos.config.JposEntry;
import jpos.services.ScannerService12;

/**
 * A scanner whose labels are typed in ({@link SimulatorCommands#SCAN} with the label's text): each
 * is queued and delivered as a data event the JavaPOS way, one at a time, while the application has
 * data events enabled (which delivering one turns off), from a thread of its own as a device would.
 */
public class SimulatedScanner extends DeviceService implements ScannerService12 {

    private record Label(byte[] data, int type) {
    }

    private final Deque<Label> queued = new ArrayDeque<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulated-scanner-events");
        t.setDaemon(true);
        return t;
    });
    private boolean dataEventEnabled;
    private boolean autoDisable;
    private boolean decodeData;
    private Label current = new Label(new byte[0], ScannerConst.SCAN_SDT_UNKNOWN);

    public SimulatedScanner(JposEntry entry) {
        super(entry);
    }

    @Override
    public void directIO(int command, int[] data, Object object) throws JposException {
        if (command == SimulatorCommands.SCAN) {
            String text = String.valueOf(object);
            synchronized (this) {
                queued.addLast(new Label(text.getBytes(StandardCharsets.UTF_8),
                        text.matches("\\d{13}") ? ScannerConst.SCAN_SDT_EAN13 : ScannerConst.SCAN_SDT_Code128));
            }
            deliverLater();
        } else {
            super.directIO(command, data, object);
        }
    }

    private void deliverLater() {
        events.execute(this::deliver);
    }

    private void deliver() {
        synchronized (this) {
            boolean enabled;
            try {
                enabled = getDeviceEnabled();
            } catch (JposException e) {
                enabled = false;
            }
            if (!enabled || !dataEventEnabled || queued.isEmpty()) {
                return;
            }
            current = queued.removeFirst();
            dataEventEnabled = false;
        }
        // outside the lock: the application's listener reads the label and enables the next event
        fireData();
    }

    @Override
    public synchronized int getDataCount() throws JposException {
        return queued.size();
    }

    @Override
    public synchronized boolean getDataEventEnabled() throws JposException {
        return dataEventEnabled;
    }

    @Override
    public void setDataEventEnabled(boolean enabled) throws JposException {
        synchronized (this) {
            dataEventEnabled = enabled;
        }
        if (enabled) {
            deliverLater();
        }
    }

    @Override
    public void setDeviceEnabled(boolean enabled) throws JposException {
        super.setDeviceEnabled(enabled);
        if (enabled) {
            deliverLater();
        }
    }

    @Override
    public synchronized boolean getAutoDisable() throws JposException {
        return autoDisable;
    }

    @Override
    public synchronized void setAutoDisable(boolean autoDisable) throws JposException {
        this.autoDisable = autoDisable;
    }

    @Override
    public synchronized boolean getDecodeData() throws JposException {
        return decodeData;
    }

    @Override
    public synchronized void setDecodeData(boolean decodeData) throws JposException {
        this.decodeData = decodeData;
    }

    /** The raw data: here the label's text, as a scanner without a prefix or suffix sends it. */
    @Override
    public synchronized byte[] getScanData() throws JposException {
        return current.data().clone();
    }

    @Override
    public synchronized byte[] getScanDataLabel() throws JposException {
        return decodeData ? current.data().clone() : new byte[0];
    }

    @Override
    public synchronized int getScanDataType() throws JposException {
        return decodeData ? current.type() : ScannerConst.SCAN_SDT_UNKNOWN;
    }

    @Override
    public synchronized void clearInput() throws JposException {
        queued.clear();
    }

    @Override
    public void close() throws JposException {
        super.close();
        synchronized (this) {
            queued.clear();
        }
    }

    /** The control is done with this instance: its event thread goes too. */
    @Override
    public void deleteInstance() throws JposException {
        events.shutdownNow();
    }
}
