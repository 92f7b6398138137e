package org.guitai.terminal.device.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.terminal.device.service.BarcodePhotos;

/** A photo of a barcode or QR code, read as if scanned: for a counter whose scanner is away, or a code on a phone's screen. */
@Path("terminal/scans")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class ScansResource {

    /** Photos larger than this are no label: a phone's full-resolution JPEG is well below. */
    private static final int MAX_BYTES = 12 * 1024 * 1024;

    /** The code in the image: {@code {"text","format"}}, 422 no-barcode-found when none can be read. */
    @POST
    @Path("image")
    @Consumes({"image/png", "image/jpeg"})
    public BarcodePhotos.Decoded image(byte[] image) {
        if (image == null || image.length == 0) {
            throw new InvalidRequestException("send the photo as the body (image/png or image/jpeg)");
        }
        if (image.length > MAX_BYTES) {
            throw new InvalidRequestException("the photo has " + image.length + " bytes: at most " + MAX_BYTES);
        }
        return BarcodePhotos.decode(image);
    }
}
