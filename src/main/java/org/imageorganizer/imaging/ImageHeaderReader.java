package org.imageorganizer.imaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads an image's stored width and height from its header only, with the ImageIO reader for its format
 * (TwelveMonkeys or JDK). No pixel data is decoded, so a decompression bomb is caught before it expands.
 * The dimensions are as stored, before any EXIF orientation.
 */
final class ImageHeaderReader {
    /** Stored dimensions of the first image in a file. */
    record Dimensions(int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    private ImageHeaderReader() {
    }

    /**
     * @throws ImageRejectedException when no reader accepts the header or it gives nonsense dimensions
     */
    static Dimensions read(byte[] bytes, ImageFormat format) throws ImageRejectedException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.label());
        Exception lastFailure = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new ImageRejectedException("corrupt image (the " + format.label()
                            + " header gives a size of " + width + "×" + height + ")");
                }
                return new Dimensions(width, height);
            } catch (IOException | RuntimeException e) {
                lastFailure = e;
            } finally {
                reader.dispose();
            }
        }
        String detail = lastFailure == null ? "no reader for " + format.label() : lastFailure.getMessage();
        throw new ImageRejectedException("truncated or corrupt image (cannot read the " + format.label()
                + " header: " + detail + ")", lastFailure);
    }
}
