package org.guitai.terminal.device.vendor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import jpos.JposConst;
import jpos.JposException;
import jpos.config.JposEntry;
import org.guitai.terminal.device.simulator.ReceiptPrinterService;

/**
 * A vendor's receipt printer as a store would plug it in through jpos.xml alone: it knows nothing of
 * the terminal and writes each receipt as a ZPL-like label file ({@code label-<n>.zpl}) in the folder
 * its {@code labelDir} property names.
 */
public class VendorLabelPrinterService extends ReceiptPrinterService {

    private static final AtomicInteger LABELS = new AtomicInteger();

    private final Path labels;

    public VendorLabelPrinterService(JposEntry entry) {
        super(entry);
        labels = folder("labelDir", "labels");
    }

    @Override
    protected void deliver(Receipt receipt) throws JposException {
        StringBuilder zpl = new StringBuilder("^XA\n");
        int y = 20;
        for (String line : receipt.text().split("\n")) {
            zpl.append("^FO20,").append(y).append("^FD").append(line).append("^FS\n");
            y += 30;
        }
        for (String code : receipt.barcodes()) {
            zpl.append("^FO20,").append(y).append("^BCN,80,Y,N,N^FD").append(code).append("^FS\n");
            y += 110;
        }
        zpl.append("^XZ\n");
        try {
            Files.createDirectories(labels);
            Files.writeString(labels.resolve("label-" + LABELS.incrementAndGet() + ".zpl"), zpl, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JposException(JposConst.JPOS_E_FAILURE, "the label printer cannot write to " + labels, e);
        }
    }

    @Override
    public String getDeviceServiceDescription() throws JposException {
        return "Example Label Printers LP-80 service";
    }
}
