package org.guitai.terminal.device.simulator;

import java.nio.file.Path;
import jpos.JposConst;
import jpos.JposException;
import jpos.config.JposEntry;
import jpos.events.DataEvent;
import jpos.events.StatusUpdateEvent;
import jpos.loader.JposServiceInstance;
import jpos.services.BaseService;
import jpos.services.EventCallbacks;

/**
 * What every device service of this terminal does alike: the open, claim and enable steps a
 * control takes it through (a call out of turn fails as on a real device), and the events it fires
 * at the control. It reports service version 1.2 because it implements the 1.2 service interfaces:
 * a 1.15 control told a newer version would cast the service to an interface it does not implement.
 */
public abstract class DeviceService implements BaseService, JposServiceInstance {

    /**
     * The system property naming the folder a device's relative paths in jpos.xml are resolved
     * against (the terminal sets it to its data directory before the first device opens).
     */
    public static final String DATA_DIR_PROPERTY = "guitai.devices.data-dir";

    /** JavaPOS version 1.2.0 as a service reports it (major × 1,000,000 + minor × 1,000 + build). */
    public static final int SERVICE_VERSION = 1_002_000;

    protected final JposEntry entry;
    private volatile EventCallbacks callbacks;
    private volatile int state = JposConst.JPOS_S_CLOSED;
    private volatile boolean claimed;
    private volatile boolean enabled;
    private volatile boolean freezeEvents;

    protected DeviceService(JposEntry entry) {
        this.entry = entry;
    }

    /** A property of this device's jpos.xml entry, or the fallback when the entry has none. */
    protected String property(String name, String fallback) {
        Object value = entry == null ? null : entry.getPropertyValue(name);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    /** A folder named by a property of this entry: relative names lie in {@link #DATA_DIR_PROPERTY}'s folder. */
    protected Path folder(String name, String fallback) {
        Path folder = Path.of(property(name, fallback));
        return folder.isAbsolute() ? folder : Path.of(System.getProperty(DATA_DIR_PROPERTY, ".")).resolve(folder).toAbsolutePath();
    }

    @Override
    public void open(String logicalName, EventCallbacks cb) throws JposException {
        callbacks = cb;
        state = JposConst.JPOS_S_IDLE;
    }

    @Override
    public void claim(int timeout) throws JposException {
        requireOpen();
        claimed = true;
    }

    @Override
    public void release() throws JposException {
        requireOpen();
        enabled = false;
        claimed = false;
    }

    @Override
    public void close() throws JposException {
        enabled = false;
        claimed = false;
        state = JposConst.JPOS_S_CLOSED;
        callbacks = null;
    }

    @Override
    public void deleteInstance() throws JposException {
        // nothing held beyond what close() let go
    }

    @Override
    public boolean getClaimed() throws JposException {
        return claimed;
    }

    @Override
    public boolean getDeviceEnabled() throws JposException {
        return enabled;
    }

    @Override
    public void setDeviceEnabled(boolean deviceEnabled) throws JposException {
        if (!claimed) {
            throw new JposException(JposConst.JPOS_E_NOTCLAIMED, "claim the device before enabling it");
        }
        enabled = deviceEnabled;
    }

    @Override
    public boolean getFreezeEvents() throws JposException {
        return freezeEvents;
    }

    @Override
    public void setFreezeEvents(boolean freeze) throws JposException {
        freezeEvents = freeze;
    }

    @Override
    public int getState() throws JposException {
        return state;
    }

    @Override
    public int getDeviceServiceVersion() throws JposException {
        return SERVICE_VERSION;
    }

    @Override
    public String getDeviceServiceDescription() throws JposException {
        return getClass().getSimpleName();
    }

    @Override
    public String getPhysicalDeviceName() throws JposException {
        return entry == null ? getClass().getSimpleName() : entry.getLogicalName();
    }

    @Override
    public String getPhysicalDeviceDescription() throws JposException {
        return getDeviceServiceDescription();
    }

    @Override
    public String getCheckHealthText() throws JposException {
        return "OK";
    }

    @Override
    public void checkHealth(int level) throws JposException {
        requireEnabled();
    }

    @Override
    public void directIO(int command, int[] data, Object object) throws JposException {
        throw new JposException(JposConst.JPOS_E_ILLEGAL, "directIO command " + command + " is unknown to " + getClass().getSimpleName());
    }

    protected void requireOpen() throws JposException {
        if (state == JposConst.JPOS_S_CLOSED) {
            throw new JposException(JposConst.JPOS_E_CLOSED, "the device is closed");
        }
    }

    protected void requireEnabled() throws JposException {
        requireOpen();
        if (!claimed) {
            throw new JposException(JposConst.JPOS_E_NOTCLAIMED, "the device is not claimed");
        }
        if (!enabled) {
            throw new JposException(JposConst.JPOS_E_DISABLED, "the device is not enabled");
        }
    }

    protected static JposException unsupported(String what) {
        return new JposException(JposConst.JPOS_E_ILLEGAL, what + " is not supported by this device");
    }

    /** Tells the application of a status change (paper out, drawer shut, ...), unless it froze events. */
    protected void fireStatus(int status) {
        EventCallbacks cb = callbacks;
        if (cb != null && !freezeEvents) {
            cb.fireStatusUpdateEvent(new StatusUpdateEvent(cb.getEventSource(), status));
        }
    }

    /** Tells the application that input arrived; false when no control listens or events are frozen. */
    protected boolean fireData() {
        EventCallbacks cb = callbacks;
        if (cb == null || freezeEvents) {
            return false;
        }
        cb.fireDataEvent(new DataEvent(cb.getEventSource(), 0));
        return true;
    }
}
