package org.guitai.terminal.device.simulator;

import java.util.ArrayList;
import java.util.List;
import jpos.JposConst;
import jpos.JposException;
import jpos.POSPrinterConst;
import jpos.config.JposEntry;
import jpos.services.POSPrinterService12;

/**
 * A receipt-only printer (no journal, no slip station) that prints in transactions: what is printed
 * between {@code transactionPrint(..., PTR_TP_TRANSACTION)} and {@code PTR_TP_NORMAL} comes out as
 * one receipt or not at all, so a receipt retried after a fault is never half on paper twice.
 * Text and barcodes are collected here; a subclass puts the finished receipt on its paper. Escape
 * sequences ({@code ESC|bC} bold, {@code ESC|cA} centred, ...) are dropped from the text.
 */
public abstract class ReceiptPrinterService extends DeviceService implements POSPrinterService12 {

    /** A finished receipt: its text and the barcodes printed in it, in order. */
    public record Receipt(String text, List<String> barcodes) {

        public Receipt {
            barcodes = List.copyOf(barcodes);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final List<String> barcodes = new ArrayList<>();
    private boolean inTransaction;

    protected ReceiptPrinterService(JposEntry entry) {
        super(entry);
    }

    /** Puts a finished receipt on paper. */
    protected abstract void deliver(Receipt receipt) throws JposException;

    /**
     * Throws the JposException the printer gives when it cannot print now (paper out, cover open,
     * offline); a printer always ready needs nothing here.
     */
    protected void requireReady() throws JposException {
        // ready
    }

    @Override
    public synchronized void printNormal(int station, String data) throws JposException {
        start(station);
        text.append(data.replaceAll("\u001b\\|[0-9]*[a-zA-Z]{1,2}", ""));
        if (!inTransaction) {
            finish();
        }
    }

    @Override
    public synchronized void printImmediate(int station, String data) throws JposException {
        printNormal(station, data);
    }

    @Override
    public synchronized void printBarCode(int station, String data, int symbology, int height, int width, int alignment, int textPosition)
            throws JposException {
        start(station);
        if (symbology != POSPrinterConst.PTR_BCS_Code128) {
            throw new JposException(JposConst.JPOS_E_ILLEGAL, "this printer prints Code 128 barcodes only");
        }
        barcodes.add(data);
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        text.append("[").append(data).append("]\n");
        if (!inTransaction) {
            finish();
        }
    }

    @Override
    public synchronized void transactionPrint(int station, int control) throws JposException {
        requireEnabled();
        if (control == POSPrinterConst.PTR_TP_TRANSACTION) {
            discard();
            inTransaction = true;
        } else {
            requireReady();
            inTransaction = false;
            finish();
        }
    }

    @Override
    public synchronized void cutPaper(int percentage) throws JposException {
        requireEnabled();
        requireReady();
    }

    @Override
    public synchronized void clearOutput() throws JposException {
        discard();
        inTransaction = false;
    }

    private void start(int station) throws JposException {
        requireEnabled();
        if (station != POSPrinterConst.PTR_S_RECEIPT) {
            throw new JposException(JposConst.JPOS_E_ILLEGAL, "this printer has a receipt station only");
        }
        requireReady();
    }

    private void finish() throws JposException {
        if (text.isEmpty() && barcodes.isEmpty()) {
            return;
        }
        Receipt receipt = new Receipt(text.toString(), barcodes);
        discard();
        deliver(receipt);
    }

    private void discard() {
        text.setLength(0);
        barcodes.clear();
    }

    @Override
    public boolean getCapRecPresent() throws JposException {
        return true;
    }

    @Override
    public boolean getCapRecBarCode() throws JposException {
        return true;
    }

    @Override
    public boolean getCapTransaction() throws JposException {
        return true;
    }

    @Override
    public boolean getCapCoverSensor() throws JposException {
        return true;
    }

    @Override
    public boolean getCapRecEmptySensor() throws JposException {
        return true;
    }

    @Override
    public boolean getCapRecPapercut() throws JposException {
        return true;
    }

    @Override
    public boolean getCoverOpen() throws JposException {
        return false;
    }

    @Override
    public boolean getRecEmpty() throws JposException {
        return false;
    }

    /** 42 columns: a common 80 mm thermal receipt in its normal font. */
    @Override
    public int getRecLineChars() throws JposException {
        return 42;
    }

    @Override
    public int getRecLineWidth() throws JposException {
        return 512;
    }

    @Override
    public String getRecLineCharsList() throws JposException {
        return "42";
    }

    /** Unicode: the store's slips are Chinese. */
    @Override
    public int getCapCharacterSet() throws JposException {
        return POSPrinterConst.PTR_CCS_UNICODE;
    }

    @Override
    public int getCharacterSet() throws JposException {
        return POSPrinterConst.PTR_CS_UNICODE;
    }

    @Override
    public String getCharacterSetList() throws JposException {
        return Integer.toString(POSPrinterConst.PTR_CS_UNICODE);
    }

    // --- the rest of the 1.2 contract: a receipt-only printer has no journal, slip, bitmaps or rotation ---

    @Override
    public boolean getCapConcurrentJrnRec() throws JposException {
        return false;
    }

    @Override
    public boolean getCapConcurrentJrnSlp() throws JposException {
        return false;
    }

    @Override
    public boolean getCapConcurrentRecSlp() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrn2Color() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrnBold() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrnDhigh() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrnDwide() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrnDwideDhigh() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrnEmptySensor() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrnItalic() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrnNearEndSensor() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrnPresent() throws JposException {
        return false;
    }

    @Override
    public boolean getCapJrnUnderline() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRec2Color() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecBitmap() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecBold() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecDhigh() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecDwide() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecDwideDhigh() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecItalic() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecLeft90() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecNearEndSensor() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecRight90() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecRotate180() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecStamp() throws JposException {
        return false;
    }

    @Override
    public boolean getCapRecUnderline() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlp2Color() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpBarCode() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpBitmap() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpBold() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpDhigh() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpDwide() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpDwideDhigh() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpEmptySensor() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpFullslip() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpItalic() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpLeft90() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpNearEndSensor() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpPresent() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpRight90() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpRotate180() throws JposException {
        return false;
    }

    @Override
    public boolean getCapSlpUnderline() throws JposException {
        return false;
    }

    @Override
    public boolean getAsyncMode() throws JposException {
        return false;
    }

    @Override
    public void setAsyncMode(boolean a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public void setCharacterSet(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getErrorLevel() throws JposException {
        return 0;
    }

    @Override
    public int getErrorStation() throws JposException {
        return 0;
    }

    @Override
    public String getErrorString() throws JposException {
        return "";
    }

    @Override
    public boolean getFlagWhenIdle() throws JposException {
        return false;
    }

    @Override
    public void setFlagWhenIdle(boolean a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public String getFontTypefaceList() throws JposException {
        return "";
    }

    @Override
    public boolean getJrnEmpty() throws JposException {
        return false;
    }

    @Override
    public boolean getJrnLetterQuality() throws JposException {
        return false;
    }

    @Override
    public void setJrnLetterQuality(boolean a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getJrnLineChars() throws JposException {
        return 0;
    }

    @Override
    public void setJrnLineChars(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public String getJrnLineCharsList() throws JposException {
        return "";
    }

    @Override
    public int getJrnLineHeight() throws JposException {
        return 0;
    }

    @Override
    public void setJrnLineHeight(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getJrnLineSpacing() throws JposException {
        return 0;
    }

    @Override
    public void setJrnLineSpacing(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getJrnLineWidth() throws JposException {
        return 0;
    }

    @Override
    public boolean getJrnNearEnd() throws JposException {
        return false;
    }

    @Override
    public int getMapMode() throws JposException {
        return 0;
    }

    @Override
    public void setMapMode(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getOutputID() throws JposException {
        return 0;
    }

    @Override
    public String getRecBarCodeRotationList() throws JposException {
        return "";
    }

    @Override
    public boolean getRecLetterQuality() throws JposException {
        return false;
    }

    @Override
    public void setRecLetterQuality(boolean a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public void setRecLineChars(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getRecLineHeight() throws JposException {
        return 0;
    }

    @Override
    public void setRecLineHeight(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getRecLineSpacing() throws JposException {
        return 0;
    }

    @Override
    public void setRecLineSpacing(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getRecLinesToPaperCut() throws JposException {
        return 0;
    }

    @Override
    public boolean getRecNearEnd() throws JposException {
        return false;
    }

    @Override
    public int getRecSidewaysMaxChars() throws JposException {
        return 0;
    }

    @Override
    public int getRecSidewaysMaxLines() throws JposException {
        return 0;
    }

    @Override
    public int getRotateSpecial() throws JposException {
        return 0;
    }

    @Override
    public void setRotateSpecial(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public String getSlpBarCodeRotationList() throws JposException {
        return "";
    }

    @Override
    public boolean getSlpEmpty() throws JposException {
        return false;
    }

    @Override
    public boolean getSlpLetterQuality() throws JposException {
        return false;
    }

    @Override
    public void setSlpLetterQuality(boolean a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getSlpLineChars() throws JposException {
        return 0;
    }

    @Override
    public void setSlpLineChars(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public String getSlpLineCharsList() throws JposException {
        return "";
    }

    @Override
    public int getSlpLineHeight() throws JposException {
        return 0;
    }

    @Override
    public void setSlpLineHeight(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getSlpLineSpacing() throws JposException {
        return 0;
    }

    @Override
    public void setSlpLineSpacing(int a0) throws JposException {
        // a property this receipt printer ignores
    }

    @Override
    public int getSlpLineWidth() throws JposException {
        return 0;
    }

    @Override
    public int getSlpLinesNearEndToEnd() throws JposException {
        return 0;
    }

    @Override
    public int getSlpMaxLines() throws JposException {
        return 0;
    }

    @Override
    public boolean getSlpNearEnd() throws JposException {
        return false;
    }

    @Override
    public int getSlpSidewaysMaxChars() throws JposException {
        return 0;
    }

    @Override
    public int getSlpSidewaysMaxLines() throws JposException {
        return 0;
    }

    @Override
    public void beginInsertion(int a0) throws JposException {
        throw unsupported("beginInsertion");
    }

    @Override
    public void beginRemoval(int a0) throws JposException {
        throw unsupported("beginRemoval");
    }

    @Override
    public void endInsertion() throws JposException {
        throw unsupported("endInsertion");
    }

    @Override
    public void endRemoval() throws JposException {
        throw unsupported("endRemoval");
    }

    @Override
    public void printBitmap(int a0, String a1, int a2, int a3) throws JposException {
        throw unsupported("printBitmap");
    }

    @Override
    public void printTwoNormal(int a0, String a1, String a2) throws JposException {
        throw unsupported("printTwoNormal");
    }

    @Override
    public void rotatePrint(int a0, int a1) throws JposException {
        throw unsupported("rotatePrint");
    }

    @Override
    public void setBitmap(int a0, int a1, String a2, int a3, int a4) throws JposException {
        throw unsupported("setBitmap");
    }

    @Override
    public void setLogo(int a0, String a1) throws JposException {
        throw unsupported("setLogo");
    }

    @Override
    public void validateData(int a0, String a1) throws JposException {
        throw unsupported("validateData");
    }
}
