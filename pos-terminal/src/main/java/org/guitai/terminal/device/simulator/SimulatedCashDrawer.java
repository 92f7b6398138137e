package org.guitai.terminal.device.simulator;

import jpos.CashDrawerConst;
import jpos.JposConst;
import jpos.JposException;
import jpos.config.JposEntry;
import jpos.services.CashDrawerService12;

/**
 * A cash drawer that knows whether it is open: {@code openDrawer} opens it, and it stays open until
 * the cashier pushes it shut ({@link SimulatorCommands#CLOSE_DRAWER}), which a status update reports.
 */
public class SimulatedCashDrawer extends DeviceService implements CashDrawerService12 {

    private volatile boolean opened;

    public SimulatedCashDrawer(JposEntry entry) {
        super(entry);
    }

    @Override
    public boolean getCapStatus() throws JposException {
        return true;
    }

    @Override
    public boolean getDrawerOpened() throws JposException {
        requireEnabled();
        return opened;
    }

    @Override
    public void openDrawer() throws JposException {
        requireEnabled();
        opened = true;
        fireStatus(CashDrawerConst.CASH_SUE_DRAWEROPEN);
    }

    @Override
    public void waitForDrawerClose(int beepTimeout, int beepFrequency, int beepDuration, int beepDelay) throws JposException {
        throw new JposException(JposConst.JPOS_E_ILLEGAL, "this drawer does not beep: watch getDrawerOpened or its status updates");
    }

    @Override
    public void directIO(int command, int[] data, Object object) throws JposException {
        if (command == SimulatorCommands.CLOSE_DRAWER) {
            opened = false;
            fireStatus(CashDrawerConst.CASH_SUE_DRAWERCLOSED);
        } else {
            super.directIO(command, data, object);
        }
    }
}
