package org.imageorganizer.imaging;

import java.nio.file.Path;

/** Turns an image file into upright RGB pixels. Thread-safe. */
public interface ImageDecoder {
    /**
     * Reads a file's bytes, refusing files that are too large before reading them.
     *
     * @throws ImageRejectedException when the file cannot be read, is empty or is over the size limit
     */
    byte[] read(Path file) throws ImageRejectedException;

    /**
     * Decodes a file's content, at reduced resolution where the format allows it (JPEG DCT scaling),
     * keeping the shorter side at least {@code minShortSide} pixels.
     *
     * @throws ImageRejectedException with a user-readable reason when the content is truncated,
     *                                not an image, in an unsupported format, or too large to decode safely
     */
    DecodedImage decode(byte[] content, int minShortSide) throws ImageRejectedException;

    /** {@link #read} then {@link #decode(byte[], int)}. */
    default DecodedImage decode(Path file, int minShortSide) throws ImageRejectedException {
        return decode(read(file), minShortSide);
    }
}
