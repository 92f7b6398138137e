package org.guitai.terminal.device.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.terminal.device.domain.NoBarcodeFoundException;
import org.junit.jupiter.api.Test;

/** A photo of a code is read as if scanned: barcodes made by ZXing come back exactly; a photo without one is refused. */
class BarcodePhotosTest {

    @Test
    void aSlipsCode128ComesBackExactly() throws Exception {
        assertEquals(new BarcodePhotos.Decoded("S001-00000042", "CODE_128"),
                BarcodePhotos.decode(png(code("S001-00000042", BarcodeFormat.CODE_128, 400, 120), "png")));
    }

    @Test
    void aProductsEan13AndAPaymentCodesQrAlsoInAJpegOnAGreyTable() throws Exception {
        assertEquals(new BarcodePhotos.Decoded("6910384000029", "EAN_13"),
                BarcodePhotos.decode(png(onATable(code("6910384000029", BarcodeFormat.EAN_13, 300, 120)), "jpg")));
        assertEquals(new BarcodePhotos.Decoded("134567890123456789", "QR_CODE"),
                BarcodePhotos.decode(png(onATable(code("134567890123456789", BarcodeFormat.QR_CODE, 240, 240)), "jpg")));
    }

    @Test
    void aPhotoWithoutACodeIs422AndBytesThatAreNoImageAre400() throws Exception {
        BufferedImage noise = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
        Random seeded = new Random(42);
        for (int x = 0; x < noise.getWidth(); x++) {
            for (int y = 0; y < noise.getHeight(); y++) {
                noise.setRGB(x, y, seeded.nextInt(0xFFFFFF));
            }
        }
        NoBarcodeFoundException none = assertThrows(NoBarcodeFoundException.class, () -> BarcodePhotos.decode(png(noise, "png")));
        assertEquals(422, none.status());
        assertThrows(InvalidRequestException.class, () -> BarcodePhotos.decode("not a photo".getBytes(StandardCharsets.UTF_8)));
    }

    private static BufferedImage code(String text, BarcodeFormat format, int width, int height) throws Exception {
        return MatrixToImageWriter.toBufferedImage(new MultiFormatWriter().encode(text, format, width, height, Map.of(EncodeHintType.MARGIN, 10)));
    }

    /** The code in the middle of a larger grey picture, as a phone would take it. */
    private static BufferedImage onATable(BufferedImage code) {
        BufferedImage photo = new BufferedImage(code.getWidth() * 2, code.getHeight() * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(0x9a, 0x9a, 0x9a));
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        g.drawImage(code, code.getWidth() / 2, code.getHeight() / 2, null);
        g.dispose();
        return photo;
    }

    private static byte[] png(BufferedImage image, String format) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rgb, format, out);
        return out.toByteArray();
    }
}
