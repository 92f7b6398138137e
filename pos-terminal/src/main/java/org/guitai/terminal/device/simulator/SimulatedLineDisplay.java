package org.guitai.terminal.device.simulator;

import java.util.Arrays;
import java.util.List;
import jpos.JposConst;
import jpos.JposException;
import jpos.LineDisplayConst;
import jpos.config.JposEntry;
import jpos.services.LineDisplayService12;

/**
 * A customer line display of two rows of 20 columns (jpos.xml properties {@code rows} and
 * {@code columns}) that keeps the text shown on each row, for the screen to show the same.
 */
public class SimulatedLineDisplay extends DeviceService implements LineDisplayService12 {

    private final int rows;
    private final int columns;
    private final String[] shown;
    private int cursorRow;
    private int cursorColumn;

    public SimulatedLineDisplay(JposEntry entry) {
        super(entry);
        rows = Integer.parseInt(property("rows", "2"));
        columns = Integer.parseInt(property("columns", "20"));
        shown = new String[rows];
        Arrays.fill(shown, "");
    }

    @Override
    public synchronized void displayTextAt(int row, int column, String data, int attribute) throws JposException {
        requireEnabled();
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new JposException(JposConst.JPOS_E_ILLEGAL, "row " + row + ", column " + column + " is off the display");
        }
        String line = shown[row];
        String padded = line.length() < column ? line + " ".repeat(column - line.length()) : line.substring(0, column);
        shown[row] = (padded + data).stripTrailing();
        cursorRow = row;
        cursorColumn = Math.min(columns - 1, column + data.length());
    }

    @Override
    public synchronized void displayText(String data, int attribute) throws JposException {
        displayTextAt(cursorRow, cursorColumn, data, attribute);
    }

    @Override
    public synchronized void clearText() throws JposException {
        requireEnabled();
        Arrays.fill(shown, "");
        cursorRow = 0;
        cursorColumn = 0;
    }

    /** The rows as shown, top first. */
    synchronized List<String> lines() {
        return List.of(shown);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void directIO(int command, int[] data, Object object) throws JposException {
        if (command == SimulatorCommands.SHOWN_LINES) {
            ((List<Object>) object).addAll(lines());
        } else {
            super.directIO(command, data, object);
        }
    }

    @Override
    public int getColumns() throws JposException {
        return columns;
    }

    @Override
    public int getRows() throws JposException {
        return rows;
    }

    @Override
    public int getDeviceColumns() throws JposException {
        return columns;
    }

    @Override
    public int getDeviceRows() throws JposException {
        return rows;
    }

    @Override
    public int getDeviceWindows() throws JposException {
        return 0;
    }

    @Override
    public int getCurrentWindow() throws JposException {
        return 0;
    }

    @Override
    public void setCurrentWindow(int window) throws JposException {
        if (window != 0) {
            throw unsupported("windows");
        }
    }

    @Override
    public synchronized int getCursorRow() throws JposException {
        return cursorRow;
    }

    @Override
    public synchronized void setCursorRow(int row) throws JposException {
        cursorRow = row;
    }

    @Override
    public synchronized int getCursorColumn() throws JposException {
        return cursorColumn;
    }

    @Override
    public synchronized void setCursorColumn(int column) throws JposException {
        cursorColumn = column;
    }

    /** Unicode: the customer reads Chinese. */
    @Override
    public int getCapCharacterSet() throws JposException {
        return LineDisplayConst.DISP_CCS_UNICODE;
    }

    @Override
    public int getCharacterSet() throws JposException {
        return LineDisplayConst.DISP_CS_UNICODE;
    }

    @Override
    public String getCharacterSetList() throws JposException {
        return Integer.toString(LineDisplayConst.DISP_CS_UNICODE);
    }

    // --- the rest of the 1.2 contract: no windows, marquees, blinking or descriptors ---

    @Override
    public int getCapBlink() throws JposException {
        return 0;
    }

    @Override
    public boolean getCapBrightness() throws JposException {
        return false;
    }

    @Override
    public boolean getCapDescriptors() throws JposException {
        return false;
    }

    @Override
    public boolean getCapHMarquee() throws JposException {
        return false;
    }

    @Override
    public boolean getCapICharWait() throws JposException {
        return false;
    }

    @Override
    public boolean getCapVMarquee() throws JposException {
        return false;
    }

    @Override
    public void setCharacterSet(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public boolean getCursorUpdate() throws JposException {
        return false;
    }

    @Override
    public void setCursorUpdate(boolean a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getDeviceBrightness() throws JposException {
        return 0;
    }

    @Override
    public void setDeviceBrightness(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getDeviceDescriptors() throws JposException {
        return 0;
    }

    @Override
    public int getInterCharacterWait() throws JposException {
        return 0;
    }

    @Override
    public void setInterCharacterWait(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getMarqueeFormat() throws JposException {
        return 0;
    }

    @Override
    public void setMarqueeFormat(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getMarqueeRepeatWait() throws JposException {
        return 0;
    }

    @Override
    public void setMarqueeRepeatWait(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getMarqueeType() throws JposException {
        return 0;
    }

    @Override
    public void setMarqueeType(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getMarqueeUnitWait() throws JposException {
        return 0;
    }

    @Override
    public void setMarqueeUnitWait(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public void clearDescriptors() throws JposException {
        throw unsupported("clearDescriptors");
    }

    @Override
    public void createWindow(int a0, int a1, int a2, int a3, int a4, int a5) throws JposException {
        throw unsupported("createWindow");
    }

    @Override
    public void destroyWindow() throws JposException {
        throw unsupported("destroyWindow");
    }

    @Override
    public void refreshWindow(int a0) throws JposException {
        throw unsupported("refreshWindow");
    }

    @Override
    public void scrollText(int a0, int a1) throws JposException {
        throw unsupported("scrollText");
    }

    @Override
    public void setDescriptor(int a0, int a1) throws JposException {
        throw unsupported("setDescriptor");
    }
}
