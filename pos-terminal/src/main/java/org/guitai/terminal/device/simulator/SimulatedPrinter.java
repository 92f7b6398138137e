package org.guitai.terminal.device.simulator;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import jpos.JposConst;
import jpos.JposException;
import jpos.POSPrinterConst;
import jpos.config.JposEntry;

/**
 * A receipt printer whose paper is a folder (jpos.xml property {@code paperDir}, default
 * {@code printer} in the terminal's data directory): each receipt is a UTF-8 text file, and each
 * barcode on it a PNG beside it ({@code <receipt>-<n>.png}, Code 128 by ZXing). It keeps the last
 * receipts for the screen to show, and can be put out of paper, opened or switched off
 * ({@link SimulatorCommands}): printing then fails as a real printer's does, with
 * {@code JPOS_E_EXTENDED} and {@code JPOS_EPTR_REC_EMPTY} or {@code JPOS_EPTR_COVER_OPEN}, or
 * {@code JPOS_E_OFFLINE}, and a status update tells the application when it is back.
 */
public class SimulatedPrinter extends ReceiptPrinterService {

    private static final int KEPT = 10;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path paper;
    private final Deque<Receipt> last = new ArrayDeque<>();
    private final Deque<Path> lastFiles = new ArrayDeque<>();
    private int printed;
    private volatile boolean paperOut;
    private volatile boolean coverOpen;
    private volatile boolean offline;

    public SimulatedPrinter(JposEntry entry) {
        super(entry);
        paper = folder("paperDir", "printer");
    }

    @Override
    protected void requireReady() throws JposException {
        if (offline) {
            throw new JposException(JposConst.JPOS_E_OFFLINE, "the printer is off line");
        }
        if (coverOpen) {
            throw new JposException(JposConst.JPOS_E_EXTENDED, POSPrinterConst.JPOS_EPTR_COVER_OPEN, "the printer's cover is open");
        }
        if (paperOut) {
            throw new JposException(JposConst.JPOS_E_EXTENDED, POSPrinterConst.JPOS_EPTR_REC_EMPTY, "the receipt paper is out");
        }
    }

    @Override
    protected synchronized void deliver(Receipt receipt) throws JposException {
        try {
            Files.createDirectories(paper);
            printed++;
            String name = LocalDateTime.now().format(FILE_TIME) + "-" + String.format("%04d", printed) + "-" + ProcessHandle.current().pid();
            Path file = paper.resolve(name + ".txt");
            int n = 0;
            for (String code : receipt.barcodes()) {
                MatrixToImageWriter.writeToPath(new MultiFormatWriter().encode(code, BarcodeFormat.CODE_128, 360, 80,
                        Map.of(EncodeHintType.MARGIN, 10)), "png", paper.resolve(name + "-" + (++n) + ".png"));
            }
            // the text last: a reader who sees the receipt finds its barcodes already there
            Files.writeString(file, receipt.text(), StandardCharsets.UTF_8);
            keep(receipt, file);
        } catch (IOException | WriterException e) {
            throw new JposException(JposConst.JPOS_E_FAILURE, "cannot put the receipt on paper in " + paper + ": " + e, e);
        }
    }

    private void keep(Receipt receipt, Path file) {
        last.addLast(receipt);
        lastFiles.addLast(file);
        while (last.size() > KEPT) {
            last.removeFirst();
            lastFiles.removeFirst();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void directIO(int command, int[] data, Object object) throws JposException {
        if (command == SimulatorCommands.PAPER_OUT) {
            paperOut = true;
            fireStatus(POSPrinterConst.PTR_SUE_REC_EMPTY);
        } else if (command == SimulatorCommands.PAPER_LOADED) {
            paperOut = false;
            fireStatus(POSPrinterConst.PTR_SUE_REC_PAPEROK);
        } else if (command == SimulatorCommands.COVER_OPEN) {
            coverOpen = true;
            fireStatus(POSPrinterConst.PTR_SUE_COVER_OPEN);
        } else if (command == SimulatorCommands.COVER_CLOSED) {
            coverOpen = false;
            fireStatus(POSPrinterConst.PTR_SUE_COVER_OK);
        } else if (command == SimulatorCommands.OFFLINE) {
            offline = true;
            fireStatus(JposConst.JPOS_SUE_POWER_OFFLINE);
        } else if (command == SimulatorCommands.ONLINE) {
            offline = false;
            fireStatus(JposConst.JPOS_SUE_POWER_ONLINE);
        } else if (command == SimulatorCommands.LAST_RECEIPTS) {
            synchronized (this) {
                last.forEach(r -> ((List<Object>) object).add(r.text()));
            }
        } else if (command == SimulatorCommands.LAST_FILES) {
            synchronized (this) {
                lastFiles.forEach(f -> ((List<Object>) object).add(f.toString()));
            }
        } else {
            super.directIO(command, data, object);
        }
    }

    @Override
    public boolean getCoverOpen() throws JposException {
        return coverOpen;
    }

    @Override
    public boolean getRecEmpty() throws JposException {
        return paperOut;
    }
}
