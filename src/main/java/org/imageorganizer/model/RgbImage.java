package org.imageorganizer.model;

import java.util.Objects;

/**
 * A decoded image as 8-bit RGB, interleaved row by row ({@code r,g,b,r,g,b,...}), already
 * turned upright according to its EXIF orientation.
 *
 * @param width  width in pixels, at least 1
 * @param height height in pixels, at least 1
 * @param pixels {@code width * height * 3} bytes
 */
public record RgbImage(int width, int height, byte[] pixels) {
    public RgbImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image must be at least 1x1, got " + width + "x" + height);
        }
        if ((long) width * height * 3 != pixels.length) {
            throw new IllegalArgumentException("expected " + (long) width * height * 3 + " bytes, got " + pixels.length);
        }
    }

    /** Red, green or blue (channel 0, 1, 2) of pixel (x, y), 0..255. */
    public int channel(int x, int y, int channel) {
        return pixels[(y * width + x) * 3 + channel] & 0xff;
    }
}
