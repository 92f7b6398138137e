package org.guitai.store.platform.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/** Code 128 barcodes of slip and invoice numbers, as PNG images (ZXing, headless). */
public final class Barcodes {

    private Barcodes() {
    }

    public static byte[] code128Png(String text) {
        try {
            BitMatrix matrix = new MultiFormatWriter().encode(text, BarcodeFormat.CODE_128, 360, 80, Map.of(EncodeHintType.MARGIN, 10));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode '" + text + "' in Code 128", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG as a data URI, so a printable page carries its barcode with it. */
    public static String code128DataUri(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(code128Png(text));
    }
}
