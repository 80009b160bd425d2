package org.imageorganizer.imaging;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Prints decode timings for a 12-megapixel JPEG; asserts nothing about them. */
@Tag("slow")
class DecodeTimingTest {
    private static final int RUNS = 5;

    @TempDir
    Path dir;

    @Test
    void twelveMegapixelJpeg() throws Exception {
        OpenCvNatives.ensureLoaded();
        byte[] jpeg = photoLikeJpeg(4000, 3000);
        Path file = TestImages.write(dir, "12mp.jpg", jpeg);
        SafeImageDecoder decoder = new SafeImageDecoder();

        double safe = millis(() -> decoder.decode(file, 224));
        double openCvFull = millis(() -> {
            MatOfByte bytes = new MatOfByte(jpeg);
            Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR).release();
            bytes.release();
        });
        double imageIo = millis(() -> ImageIO.read(new ByteArrayInputStream(jpeg)));
        DecodedImage decoded = decoder.decode(file, 224);
        System.out.printf(Locale.ROOT, "12 MP JPEG (%d KiB), mean of %d after warm-up:%n"
                        + "  SafeImageDecoder to short side 224: %.1f ms -> %dx%d%n"
                        + "  OpenCV imdecode, full size:         %.1f ms%n"
                        + "  ImageIO.read (TwelveMonkeys), full: %.1f ms%n",
                jpeg.length / 1024, RUNS, safe, decoded.image().width(), decoded.image().height(), openCvFull, imageIo);
    }

    /** Smooth gradients plus blurred noise: compresses like a photo (a few MB), unlike pure noise or flat colour. */
    private static byte[] photoLikeJpeg(int width, int height) {
        Mat noise = new Mat(height, width, CvType.CV_8UC3);
        Mat image = new Mat();
        try {
            Core.randu(noise, 0, 256);
            Imgproc.GaussianBlur(noise, image, new Size(0, 0), 0.7);
            Mat gradient = new Mat(height, width, CvType.CV_8UC3, new Scalar(0, 0, 0));
            for (int y = 0; y < height; y += 100) {
                gradient.rowRange(y, Math.min(height, y + 100)).setTo(new Scalar(y * 255.0 / height, 90, 160));
            }
            Core.addWeighted(image, 0.5, gradient, 0.5, 0, image);
            gradient.release();
            return TestImages.openCv(image.clone(), ".jpg", Imgcodecs.IMWRITE_JPEG_QUALITY, 90);
        } finally {
            noise.release();
            image.release();
        }
    }

    private static double millis(ThrowingRunnable action) throws Exception {
        action.run(); // warm-up
        action.run();
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            action.run();
        }
        return (System.nanoTime() - start) / 1e6 / RUNS;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
