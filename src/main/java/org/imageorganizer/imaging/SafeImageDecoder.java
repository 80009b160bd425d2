package org.imageorganizer.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.imageorganizer.model.RgbImage;
import org.opencv.core.Mat;

/**
 * Decodes untrusted image files for the embedding model: fast, and refusing anything unsafe before decoding it.
 *
 * <p>Steps: the file size is checked against {@link ImageLimits#maxFileBytes()}; the format is recognised from the
 * content ({@link FormatSniffer}), never from the name; the stored width and height are read from the header only,
 * and an image above {@link ImageLimits#maxPixels()} is refused before any pixel is decoded (decompression bombs);
 * JPEGs that never reach their end marker and PNGs without an IEND chunk are refused as truncated. Then JPEG, PNG,
 * WebP, TIFF and BMP are decoded with OpenCV, JPEG with DCT scaling (1/2, 1/4, 1/8); GIF (first frame), and any
 * file OpenCV fails on, with ImageIO and the TwelveMonkeys plugins.
 *
 * <p>Result size: when the original's shorter side is below {@code 2 * minShortSide} the image is returned at full
 * size (after DCT scaling for JPEG, which never takes the shorter side below {@code minShortSide}). Otherwise it is
 * shrunk with area averaging to a shorter side of exactly {@code minShortSide}. So the shorter side is in
 * {@code [minShortSide, 2 * minShortSide)}, or the original's when that is smaller.
 *
 * <p>Pixels are upright (EXIF orientation applied for JPEG and PNG, TIFF orientation tag for TIFF; not for WebP or
 * the ImageIO path), 8-bit RGB, with 16-bit samples scaled and transparency composited over white.
 *
 * <p>Thread-safe and stateless apart from its limits; native memory is released before each call returns.
 */
public final class SafeImageDecoder implements ImageDecoder {
    private final ImageLimits limits;

    /**
     * @throws IllegalStateException when the OpenCV natives cannot be loaded
     */
    public SafeImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        OpenCvNatives.ensureLoaded();
    }

    /** A decoder with {@link ImageLimits#defaults()}. */
    public SafeImageDecoder() {
        this(ImageLimits.defaults());
    }

    /**
     * {@inheritDoc}
     *
     * <p>An unreadable file (missing, a directory, no permission) is also reported as an
     * {@link ImageRejectedException}, whose message says so.
     *
     * @throws IllegalArgumentException when {@code minShortSide} is below 1
     */
    @Override
    public DecodedImage decode(Path file, int minShortSide) throws ImageRejectedException {
        requireMinShortSide(minShortSide);
        return decode(read(file), minShortSide);
    }

    private static void requireMinShortSide(int minShortSide) {
        if (minShortSide < 1) {
            throw new IllegalArgumentException("minShortSide must be at least 1, got " + minShortSide);
        }
    }

    @Override
    public DecodedImage decode(byte[] bytes, int minShortSide) throws ImageRejectedException {
        requireMinShortSide(minShortSide);
        if (bytes.length == 0) {
            throw new ImageRejectedException("empty file");
        }
        checkSize(bytes.length);
        ImageFormat format = FormatSniffer.sniff(bytes);
        ImageHeaderReader.Dimensions stored = ImageHeaderReader.read(bytes, format);
        if (stored.pixels() > limits.maxPixels()) {
            throw new ImageRejectedException(ImageRejectedException.Kind.TOO_LARGE, "image is " + stored.width() + "×" + stored.height() + " = "
                    + megapixels(stored.pixels()) + " megapixels, above the "
                    + megapixels(limits.maxPixels()) + "-megapixel limit");
        }
        boolean hasAlpha = ContainerInspector.inspect(format, bytes);

        OpenCvDecoder.Result fast = format == ImageFormat.GIF
                ? null : OpenCvDecoder.decode(format == ImageFormat.PNG ? PngChunks.withoutIccProfile(bytes) : bytes,
                        format, hasAlpha, stored, minShortSide);
        Mat bgr;
        boolean transposed = false;
        if (fast != null) {
            bgr = fast.bgr();
            transposed = fast.transposed();
        } else {
            try {
                bgr = ImageIoDecoder.decode(bytes, format, stored, minShortSide);
            } catch (IOException e) {
                throw new ImageRejectedException("truncated or corrupt image (" + e.getMessage() + ")", e);
            }
        }
        try {
            Mat small = MatPixels.downscale(bgr, minShortSide);
            try {
                RgbImage image = MatPixels.toRgbImage(small);
                int width = transposed ? stored.height() : stored.width();
                int height = transposed ? stored.width() : stored.height();
                return new DecodedImage(image, width, height, format.label());
            } finally {
                if (small != bgr) {
                    small.release();
                }
            }
        } finally {
            bgr.release();
        }
    }

    /** Reads at most {@code maxFileBytes + 1} bytes, so a file that grows while being read is still caught. */
    @Override
    public byte[] read(Path file) throws ImageRejectedException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ImageRejectedException(ImageRejectedException.Kind.UNREADABLE, "cannot read the file (not a regular file)");
            }
            checkSize(Files.size(file));
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) limits.maxFileBytes() + 1);
            }
            checkSize(bytes.length);
            if (bytes.length == 0) {
                throw new ImageRejectedException("empty file");
            }
            return bytes;
        } catch (IOException e) {
            throw new ImageRejectedException(ImageRejectedException.Kind.UNREADABLE, "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    private void checkSize(long size) throws ImageRejectedException {
        if (size > limits.maxFileBytes()) {
            throw new ImageRejectedException(ImageRejectedException.Kind.TOO_LARGE, "file is " + byteCount(size) + ", above the limit of "
                    + byteCount(limits.maxFileBytes()));
        }
    }

    /** 900 000 000 → "900", 12 345 678 → "12.3", 800 000 → "0.8". */
    static String megapixels(long pixels) {
        BigDecimal mp = BigDecimal.valueOf(pixels).movePointLeft(6);
        int decimals = mp.compareTo(BigDecimal.TEN) >= 0 ? 0 : 1;
        return mp.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String byteCount(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString() + " KiB";
        }
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " MiB";
    }
}
