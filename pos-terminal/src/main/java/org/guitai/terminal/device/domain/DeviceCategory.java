package org.guitai.terminal.device.domain;

/** The kinds of device a counter drives, by their JavaPOS category names. */
public enum DeviceCategory {
    SCANNER("Scanner"),
    POS_PRINTER("POSPrinter"),
    CASH_DRAWER("CashDrawer"),
    LINE_DISPLAY("LineDisplay");

    private final String jposName;

    DeviceCategory(String jposName) {
        this.jposName = jposName;
    }

    /** The category as jpos.xml and the JavaPOS specification name it. */
    public String jposName() {
        return jposName;
    }
}
