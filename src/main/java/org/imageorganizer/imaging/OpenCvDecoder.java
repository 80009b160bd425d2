package org.imageorganizer.imaging;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes JPEG, PNG, WebP, TIFF and BMP with OpenCV's {@code imdecode}. JPEGs are decoded with libjpeg DCT scaling
 * (1/2, 1/4 or 1/8) when that still leaves the shorter side at least the size asked for.
 *
 * <p>What OpenCV 4.9 does about orientation, as tested: EXIF orientation is applied for JPEG and PNG when decoding
 * with {@code IMREAD_COLOR} or {@code IMREAD_REDUCED_COLOR_*}, but not with {@code IMREAD_UNCHANGED}; the TIFF
 * orientation tag is applied with {@code IMREAD_UNCHANGED} too; WebP EXIF orientation is never applied.
 * So {@code IMREAD_UNCHANGED} is used only where alpha must be kept (PNG with alpha or tRNS, WebP) or where it
 * costs nothing (TIFF).
 */
final class OpenCvDecoder {
    /**
     * A decoded image.
     *
     * @param bgr        8-bit BGR pixels, alpha already composited over white; the caller releases it
     * @param transposed whether OpenCV turned the image by 90° for its orientation, swapping width and height
     */
    record Result(Mat bgr, boolean transposed) {
    }

    private OpenCvDecoder() {
    }

    /**
     * @return the decoded image, or null when OpenCV cannot decode the file or decodes something other than what
     *         the header announced (the caller then falls back to ImageIO)
     */
    static Result decode(byte[] bytes, ImageFormat format, boolean hasAlpha,
                         ImageHeaderReader.Dimensions stored, int minShortSide) {
        int reduction = format == ImageFormat.JPEG ? jpegReduction(stored, minShortSide) : 1;
        int flags = switch (format) {
            case JPEG -> switch (reduction) {
                case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
                case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
                case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
                default -> Imgcodecs.IMREAD_COLOR;
            };
            case PNG -> hasAlpha ? Imgcodecs.IMREAD_UNCHANGED : Imgcodecs.IMREAD_COLOR;
            case WEBP, TIFF -> Imgcodecs.IMREAD_UNCHANGED;
            case BMP -> Imgcodecs.IMREAD_COLOR;
            case GIF -> throw new IllegalArgumentException("OpenCV 4.9 cannot decode GIF");
        };
        MatOfByte encoded = new MatOfByte(bytes);
        Mat decoded = null;
        try {
            decoded = Imgcodecs.imdecode(encoded, flags);
            if (decoded.empty()) {
                return null;
            }
            int expectedW = ceilDiv(stored.width(), reduction);
            int expectedH = ceilDiv(stored.height(), reduction);
            boolean upright = decoded.cols() == expectedW && decoded.rows() == expectedH;
            boolean transposed = !upright && decoded.cols() == expectedH && decoded.rows() == expectedW;
            if (!upright && !transposed) {
                return null;
            }
            Mat bgr = MatPixels.toBgr8(decoded);
            if (bgr == null) {
                return null;
            }
            if (bgr == decoded) {
                decoded = null; // handed over to the caller
            }
            return new Result(bgr, transposed);
        } catch (RuntimeException e) { // CvException from the native side
            return null;
        } finally {
            encoded.release();
            if (decoded != null) {
                decoded.release();
            }
        }
    }

    /**
     * The largest DCT scaling (8, 4, 2, else 1) whose output keeps the shorter side at least {@code minShortSide};
     * libjpeg rounds scaled sizes up.
     */
    static int jpegReduction(ImageHeaderReader.Dimensions stored, int minShortSide) {
        int shortSide = Math.min(stored.width(), stored.height());
        for (int reduction = 8; reduction > 1; reduction /= 2) {
            if (ceilDiv(shortSide, reduction) >= minShortSide) {
                return reduction;
            }
        }
        return 1;
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
