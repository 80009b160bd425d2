package org.imageorganizer.imaging;

import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.RgbImage;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Pixel conversions on OpenCV matrices. Methods leave their input alone; a returned matrix that is not the input
 * belongs to the caller, who must release it. Intermediate matrices are released here.
 */
final class MatPixels {
    private MatPixels() {
    }

    /**
     * Converts whatever {@code imdecode} returned to 8-bit BGR: 16-bit and float samples are scaled (not clipped),
     * grey is expanded and an alpha channel is composited over white.
     *
     * @return the BGR matrix, {@code decoded} itself when it is already 8-bit BGR, or null for a layout this does
     *         not handle (the caller then falls back to ImageIO)
     */
    static Mat toBgr8(Mat decoded) {
        int channels = decoded.channels();
        if (channels != 1 && channels != 3 && channels != 4) {
            return null;
        }
        if (channels == 3 && decoded.depth() == CvType.CV_8U) {
            return decoded;
        }
        Mat eightBit;
        switch (decoded.depth()) {
            case CvType.CV_8U -> eightBit = decoded;
            case CvType.CV_16U -> {
                eightBit = new Mat();
                decoded.convertTo(eightBit, CvType.CV_8U, 255.0 / 65535.0);
            }
            case CvType.CV_32F -> {
                eightBit = new Mat();
                decoded.convertTo(eightBit, CvType.CV_8U, 255.0);
            }
            default -> {
                return null;
            }
        }
        if (channels == 3) {
            return eightBit;
        }
        try {
            if (channels == 1) {
                Mat bgr = new Mat();
                Imgproc.cvtColor(eightBit, bgr, Imgproc.COLOR_GRAY2BGR);
                return bgr;
            }
            return compositeOverWhite(eightBit);
        } finally {
            if (eightBit != decoded) {
                eightBit.release();
            }
        }
    }

    /** {@code bgr * a/255 + 255 * (1 - a/255)} for an 8-bit BGRA matrix, so transparent areas become white. */
    static Mat compositeOverWhite(Mat bgra) {
        List<Mat> planes = new ArrayList<>(4);
        Mat alpha3 = new Mat();
        Mat bgr = new Mat();
        Mat inverse = new Mat();
        try {
            Core.split(bgra, planes);
            Mat alpha = planes.get(3);
            Core.merge(List.of(alpha, alpha, alpha), alpha3);
            Core.merge(planes.subList(0, 3), bgr);
            Mat out = new Mat();
            Core.multiply(bgr, alpha3, out, 1.0 / 255.0);
            Core.bitwise_not(alpha3, inverse);
            Core.add(out, inverse, out);
            return out;
        } finally {
            planes.forEach(Mat::release);
            alpha3.release();
            bgr.release();
            inverse.release();
        }
    }

    /**
     * Shrinks with area averaging so the shorter side becomes {@code minShortSide}, when it is at least twice that;
     * otherwise returns {@code bgr} itself.
     */
    static Mat downscale(Mat bgr, int minShortSide) {
        int w = bgr.cols();
        int h = bgr.rows();
        int shortSide = Math.min(w, h);
        if (shortSide < 2L * minShortSide) {
            return bgr;
        }
        Mat out = new Mat();
        double scale = (double) minShortSide / shortSide;
        int newW = w == shortSide ? minShortSide : Math.max(1, (int) Math.round(w * scale));
        int newH = h == shortSide ? minShortSide : Math.max(1, (int) Math.round(h * scale));
        Imgproc.resize(bgr, out, new Size(newW, newH), 0, 0, Imgproc.INTER_AREA);
        return out;
    }

    /** Copies an 8-bit BGR matrix into an {@link RgbImage}, swapping to RGB order. */
    static RgbImage toRgbImage(Mat bgr) {
        Mat rgb = new Mat();
        try {
            Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
            byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(rgb.cols(), rgb.rows()), 3)];
            rgb.get(0, 0, pixels);
            return new RgbImage(rgb.cols(), rgb.rows(), pixels);
        } finally {
            rgb.release();
        }
    }
}
