package org.imageorganizer.imaging;

/**
 * Checks a file's container structure without decoding pixels: whether it is complete (JPEG reaches its EOI
 * marker, PNG its IEND chunk, WebP holds as many bytes as its RIFF header says) and whether a PNG has an alpha
 * channel or transparency, so it can be composited over white instead of losing its alpha.
 */
final class ContainerInspector {
    static final String TRUNCATED_JPEG = "truncated JPEG (file ends before the image data does)";
    static final String TRUNCATED_PNG = "truncated PNG (file ends before the image data does)";
    static final String TRUNCATED_WEBP = "truncated WebP (file ends before the image data does)";

    private ContainerInspector() {
    }

    /**
     * @return whether the image may have transparency that needs compositing (PNG only; false for other formats)
     * @throws ImageRejectedException when the file is truncated
     */
    static boolean inspect(ImageFormat format, byte[] b) throws ImageRejectedException {
        switch (format) {
            case JPEG -> {
                if (!jpegReachesEoi(b)) {
                    throw new ImageRejectedException(TRUNCATED_JPEG);
                }
                return false;
            }
            case PNG -> {
                return pngHasAlpha(b);
            }
            case WEBP -> {
                if (8 + uint32le(b, 4) > b.length) {
                    throw new ImageRejectedException(TRUNCATED_WEBP);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Walks the JPEG segments, skipping each by its length (so an EXIF thumbnail's EOI is not mistaken for the
     * image's), and scans entropy-coded data after each SOS for the next marker. Data after the EOI (a motion
     * photo's video, a maker's trailer) is allowed.
     */
    static boolean jpegReachesEoi(byte[] b) {
        int i = 2; // after SOI
        while (true) {
            while (i < b.length && (b[i] & 0xFF) != 0xFF) {
                i++; // extraneous bytes between segments; libjpeg skips them too
            }
            while (i < b.length && (b[i] & 0xFF) == 0xFF) {
                i++; // fill bytes
            }
            if (i >= b.length) {
                return false;
            }
            int marker = b[i] & 0xFF;
            i++;
            if (marker == 0xD9) {
                return true;
            }
            if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // standalone markers
            }
            if (i + 2 > b.length) {
                return false;
            }
            int length = (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
            i += length;
            if (i > b.length) {
                return false;
            }
            if (marker == 0xDA) {
                if (endsWithEoi(b)) {
                    return true; // the usual case: no need to scan megabytes of entropy-coded data
                }
                i = endOfEntropyData(b, i);
            }
        }
    }

    /** True when the file's last bytes, ignoring zero padding, are an EOI marker. */
    private static boolean endsWithEoi(byte[] b) {
        int j = b.length - 1;
        while (j > 0 && b[j] == 0) {
            j--;
        }
        return j >= 1 && (b[j - 1] & 0xFF) == 0xFF && (b[j] & 0xFF) == 0xD9;
    }

    /** The index of the 0xFF of the first marker after entropy-coded data (skipping stuffed 0xFF00 and RSTn). */
    private static int endOfEntropyData(byte[] b, int i) {
        while (i + 1 < b.length) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
                i += next == 0xFF ? 1 : 2;
            } else {
                i++;
            }
        }
        return b.length;
    }

    /** Walks the PNG chunks up to IEND; notes an alpha colour type or a tRNS chunk. */
    private static boolean pngHasAlpha(byte[] b) throws ImageRejectedException {
        boolean alpha = false;
        long i = 8;
        while (i + 8 <= b.length) {
            long length = uint32be(b, (int) i);
            String type = new String(b, (int) i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("IEND")) {
                return alpha;
            }
            if (type.equals("IHDR") && length >= 13 && i + 18 <= b.length) {
                int colourType = b[(int) i + 17] & 0xFF;
                alpha = colourType == 4 || colourType == 6;
            } else if (type.equals("tRNS")) {
                alpha = true;
            }
            i += 12 + length;
        }
        throw new ImageRejectedException(TRUNCATED_PNG);
    }

    private static long uint32be(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }

    private static long uint32le(byte[] b, int at) {
        return b.length < at + 4 ? Long.MAX_VALUE / 2
                : (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
