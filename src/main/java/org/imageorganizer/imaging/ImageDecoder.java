package org.imageorganizer.imaging;

import java.nio.file.Path;

/** Turns an image file into upright RGB pixels. Thread-safe. */
public interface ImageDecoder {
    /**
     * Decodes a file, at reduced resolution where the format allows it (JPEG DCT scaling),
     * keeping the shorter side at least {@code minShortSide} pixels.
     *
     * @throws ImageRejectedException with a user-readable reason when the file is empty, truncated,
     *                                not an image, in an unsupported format, or too large to decode safely
     */
    DecodedImage decode(Path file, int minShortSide) throws ImageRejectedException;
}
