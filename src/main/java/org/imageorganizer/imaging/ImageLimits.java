package org.imageorganizer.imaging;

/**
 * Size limits applied to every file before any pixel data is decoded.
 *
 * @param maxPixels    the largest {@code width * height} that will be decoded, as read from the header
 * @param maxFileBytes the largest file size that will be read, in bytes; at most {@link #MAX_FILE_BYTES_CEILING}
 *                     because the file is read into one array
 */
public record ImageLimits(long maxPixels, long maxFileBytes) {
    /** 100 megapixels: a 4×3 photo of about 11 500 × 8 700 pixels. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** 512 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** The largest array the JVM reliably allocates. */
    public static final long MAX_FILE_BYTES_CEILING = Integer.MAX_VALUE - 16L;

    public ImageLimits {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be at least 1, got " + maxPixels);
        }
        if (maxFileBytes < 1 || maxFileBytes > MAX_FILE_BYTES_CEILING) {
            throw new IllegalArgumentException(
                    "maxFileBytes must be between 1 and " + MAX_FILE_BYTES_CEILING + ", got " + maxFileBytes);
        }
    }

    /** The defaults: 100 megapixels and 512 MiB. */
    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_FILE_BYTES);
    }
}
