package org.imageorganizer.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.imageorganizer.imaging.OpenCvNatives;
import org.imageorganizer.model.RgbImage;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;

/**
 * Test-time augmentation as the product spec describes it (after Albumentations): the original
 * view plus augmented views drawn from horizontal flip (p 0.5), brightness/contrast (p 0.5),
 * gamma (p 0.3), CLAHE (p 0.3) and Gaussian noise (p 0.2).
 *
 * <p>Views are made from the already cropped model-size image, which is far cheaper than
 * augmenting the full photo and gives the model the same kind of input. The random draws are
 * seeded by the caller (from the image's content hash), so one file always gets the same views.
 */
public final class TestTimeAugmenter {
    private final int views;

    /** @param views number of views including the original; 1 turns augmentation off */
    public TestTimeAugmenter(int views) {
        if (views < 1 || views > 16) {
            throw new IllegalArgumentException("views must be between 1 and 16, got " + views);
        }
        this.views = views;
        OpenCvNatives.ensureLoaded();
    }

    public int views() {
        return views;
    }

    /** The original first, then {@code views - 1} augmented views, all the size of {@code crop}. */
    public List<RgbImage> augment(RgbImage crop, long seed) {
        List<RgbImage> out = new ArrayList<>(views);
        out.add(crop);
        SplittableRandom random = new SplittableRandom(seed);
        for (int v = 1; v < views; v++) {
            out.add(augmentOnce(crop, random.split()));
        }
        return out;
    }

    /** A seed from a hex content hash (its first 16 hex digits). */
    public static long seedFromHash(String sha256Hex) {
        return Long.parseUnsignedLong(sha256Hex.substring(0, 16), 16);
    }

    private static RgbImage augmentOnce(RgbImage crop, SplittableRandom random) {
        Mat mat = Pixels.toMat(crop);
        try {
            if (random.nextDouble() < 0.5) {
                Core.flip(mat, mat, 1);
            }
            if (random.nextDouble() < 0.5) {
                double alpha = 1 + uniform(random, -0.2, 0.2);
                double beta = 255 * uniform(random, -0.2, 0.2);
                mat.convertTo(mat, -1, alpha, beta);
            }
            if (random.nextDouble() < 0.3) {
                applyGamma(mat, uniform(random, 0.8, 1.2));
            }
            if (random.nextDouble() < 0.3) {
                applyClahe(mat, uniform(random, 1.0, 4.0));
            }
            RgbImage result = Pixels.toRgb(mat);
            if (random.nextDouble() < 0.2) {
                addNoise(result, Math.sqrt(uniform(random, 10, 50)), random);
            }
            return result;
        } finally {
            mat.release();
        }
    }

    private static void applyGamma(Mat mat, double gamma) {
        Mat lut = new Mat(1, 256, CvType.CV_8U);
        try {
            byte[] table = new byte[256];
            for (int i = 0; i < 256; i++) {
                table[i] = (byte) Math.min(255, Math.round(255 * Math.pow(i / 255.0, gamma)));
            }
            lut.put(0, 0, table);
            Core.LUT(mat, lut, mat);
        } finally {
            lut.release();
        }
    }

    private static void applyClahe(Mat rgb, double clipLimit) {
        Mat lab = new Mat();
        List<Mat> channels = new ArrayList<>(3);
        try {
            Imgproc.cvtColor(rgb, lab, Imgproc.COLOR_RGB2Lab);
            Core.split(lab, channels);
            CLAHE clahe = Imgproc.createCLAHE(clipLimit, new Size(8, 8));
            clahe.apply(channels.get(0), channels.get(0));
            Core.merge(channels, lab);
            Imgproc.cvtColor(lab, rgb, Imgproc.COLOR_Lab2RGB);
        } finally {
            lab.release();
            channels.forEach(Mat::release);
        }
    }

    /**
     * Gaussian noise from a fixed table of standard normal samples read from a random offset with a
     * random odd stride: statistically the same for augmentation, and far cheaper than drawing
     * 150,000 fresh normals per view.
     */
    private static void addNoise(RgbImage image, double sigma, SplittableRandom random) {
        byte[] px = image.pixels();
        int at = random.nextInt(NOISE.length);
        int stride = 1 + 2 * random.nextInt(1 << 10);
        float s = (float) sigma;
        for (int i = 0; i < px.length; i++) {
            int v = Math.round((px[i] & 0xff) + NOISE[at] * s);
            px[i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
            at = (at + stride) & (NOISE.length - 1);
        }
    }

    private static final float[] NOISE = standardNormals(1 << 16, 0x5eed);

    private static float[] standardNormals(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }
}
