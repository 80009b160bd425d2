package org.imageorganizer.ml;

import org.imageorganizer.model.RgbImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Copies between {@link RgbImage} and OpenCV matrices (RGB channel order kept as is). */
final class Pixels {
    private Pixels() {
    }

    static Mat toMat(RgbImage image) {
        Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        mat.put(0, 0, image.pixels());
        return mat;
    }

    static RgbImage toRgb(Mat mat) {
        Mat continuous = mat.isContinuous() ? mat : mat.clone();
        try {
            byte[] data = new byte[(int) (continuous.total() * continuous.channels())];
            continuous.get(0, 0, data);
            return new RgbImage(continuous.cols(), continuous.rows(), data);
        } finally {
            if (continuous != mat) {
                continuous.release();
            }
        }
    }
}
