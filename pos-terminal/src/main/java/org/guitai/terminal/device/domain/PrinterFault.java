package org.guitai.terminal.device.domain;

import jpos.JposConst;
import jpos.JposException;
import jpos.POSPrinterConst;

/**
 * Why the printer did not print, as the cashier can act on it: load paper, shut the cover, switch
 * it on; anything else is a failure to report. Read from the JposException the printer gave.
 */
public enum PrinterFault {
    PAPER_OUT("paper-out"),
    COVER_OPEN("cover-open"),
    OFFLINE("offline"),
    FAILURE("printer-failure");

    private final String slug;

    PrinterFault(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static PrinterFault of(JposException e) {
        if (e.getErrorCode() == JposConst.JPOS_E_OFFLINE || e.getErrorCode() == JposConst.JPOS_E_NOHARDWARE) {
            return OFFLINE;
        }
        if (e.getErrorCode() == JposConst.JPOS_E_EXTENDED) {
            if (e.getErrorCodeExtended() == POSPrinterConst.JPOS_EPTR_REC_EMPTY) {
                return PAPER_OUT;
            }
            if (e.getErrorCodeExtended() == POSPrinterConst.JPOS_EPTR_COVER_OPEN) {
                return COVER_OPEN;
            }
        }
        return FAILURE;
    }
}
