package org.imageorganizer.ml;

import org.imageorganizer.imaging.OpenCvNatives;
import org.imageorganizer.model.RgbImage;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * CLIP's preprocessing: shorter side to {@code size} (bicubic), centre crop to {@code size}×{@code size},
 * then, separately, scale to [0, 1] and normalise with the model's mean and std into a channel-first tensor.
 */
public final class ClipPreprocessor {
    private final int size;
    private final float[] mean;
    private final float[] std;
    private final float[][] lut = new float[3][256];

    public ClipPreprocessor(int size, float[] mean, float[] std) {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need three values");
        }
        this.size = size;
        this.mean = mean.clone();
        this.std = std.clone();
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
        OpenCvNatives.ensureLoaded();
    }

    public static ClipPreprocessor forManifest(ModelManifest manifest) {
        return new ClipPreprocessor(manifest.imageSize(), manifest.meanArray(), manifest.stdArray());
    }

    public int size() {
        return size;
    }

    /** Resizes the shorter side to the model's size with bicubic interpolation and crops the centre square. */
    public RgbImage resizeAndCrop(RgbImage image) {
        int w = image.width();
        int h = image.height();
        double scale = (double) size / Math.min(w, h);
        int newW = Math.max(size, (int) Math.round(w * scale));
        int newH = Math.max(size, (int) Math.round(h * scale));
        Mat source = Pixels.toMat(image);
        Mat resized = new Mat();
        try {
            if (newW == w && newH == h) {
                source.copyTo(resized);
            } else {
                Imgproc.resize(source, resized, new Size(newW, newH), 0, 0, Imgproc.INTER_CUBIC);
            }
            int x = (newW - size) / 2;
            int y = (newH - size) / 2;
            Mat crop = resized.submat(new Rect(x, y, size, size));
            try {
                return Pixels.toRgb(crop);
            } finally {
                crop.release();
            }
        } finally {
            source.release();
            resized.release();
        }
    }

    /**
     * Writes a {@code size}×{@code size} image into {@code dest} at {@code offset} as normalised
     * channel-first floats: {@code (value / 255 - mean[c]) / std[c]}.
     */
    public void normalizeInto(RgbImage crop, float[] dest, int offset) {
        if (crop.width() != size || crop.height() != size) {
            throw new IllegalArgumentException("expected a " + size + "x" + size + " image, got " + crop.width() + "x" + crop.height());
        }
        byte[] px = crop.pixels();
        int plane = size * size;
        float[] red = lut[0];
        float[] green = lut[1];
        float[] blue = lut[2];
        for (int i = 0, p = 0; i < plane; i++, p += 3) {
            dest[offset + i] = red[px[p] & 0xff];
            dest[offset + plane + i] = green[px[p + 1] & 0xff];
            dest[offset + 2 * plane + i] = blue[px[p + 2] & 0xff];
        }
    }

    /** Number of floats one image takes in a batch. */
    public int floatsPerImage() {
        return 3 * size * size;
    }

}
