package org.guitai.terminal.device.service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import javax.imageio.ImageIO;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.terminal.device.domain.NoBarcodeFoundException;

/**
 * Reads the barcode or QR code in a photo (a phone's picture of a label, a payment code, a slip)
 * with ZXing, trying hard, for the counter that has no scanner at hand.
 */
public final class BarcodePhotos {

    /** What was read: the text and the symbology ZXing names (EAN_13, CODE_128, QR_CODE, ...). */
    public record Decoded(String text, String format) {
    }

    /** The codes a counter meets: products, slips, invoices, payment and member codes. */
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, EnumSet.of(BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E,
                    BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.ITF, BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX));

    private BarcodePhotos() {
    }

    /**
     * @throws InvalidRequestException when the bytes are no PNG or JPEG image
     * @throws NoBarcodeFoundException when the image holds no code ZXing can read
     */
    public static Decoded decode(byte[] image) {
        BufferedImage picture;
        try {
            picture = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            picture = null;
        }
        if (picture == null) {
            throw new InvalidRequestException("the body is not a PNG or JPEG image this terminal can read");
        }
        try {
            Result result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture))), HINTS);
            return new Decoded(result.getText(), result.getBarcodeFormat().name());
        } catch (NotFoundException e) {
            throw new NoBarcodeFoundException("no barcode or QR code could be read in this " + picture.getWidth() + "×" + picture.getHeight()
                    + " image: take the photo again, closer and sharper");
        }
    }
}
