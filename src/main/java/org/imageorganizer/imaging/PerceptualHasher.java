package org.imageorganizer.imaging;

import java.util.Arrays;
import org.imageorganizer.model.PerceptualHash;
import org.imageorganizer.model.RgbImage;

/**
 * Computes the {@link PerceptualHash} of a decoded, upright picture (docs/decisions/0033): luma, an exact
 * area-average reduction to 32×32 (so that the thumbnail of a picture turned by 90° is exactly the thumbnail turned,
 * and a resized copy gives the same thumbnail up to rounding), less its mean and softly tapered towards the edges,
 * the 8×8 lowest frequencies of its 2-D DCT-II, and one sign bit per coefficient but the DC term. About 1 ms for
 * the image the import decodes (a shorter side of 224 to 447 pixels). Stateless and thread-safe.
 */
public final class PerceptualHasher {
    /** Side of the grey thumbnail the DCT is taken of. */
    static final int SIDE = 32;
    /** Frequencies kept per axis. */
    static final int KEPT = 8;
    /**
     * Below this standard deviation of the thumbnail (grey levels, 0..255) the picture is almost uniform and its
     * bits are noise: it is marked low-detail and never matched by hash.
     */
    static final double LOW_DETAIL_STDDEV = 1.5;

    /** {@code COS[k][i] = cos(π (2i + 1) k / 2N)}: row k of the (unnormalised) DCT-II basis. */
    private static final double[][] COS = new double[KEPT][SIDE];
    /**
     * A soft window, {@code sqrt(sin(π (i + ½) / N))}: 1 in the middle, 0.22 at the outermost cells. Symmetric, so
     * the hash still turns with the picture; it raised the quality set's crop recall by about two points.
     */
    private static final double[] TAPER = new double[SIDE];

    static {
        for (int i = 0; i < SIDE; i++) {
            TAPER[i] = Math.sqrt(Math.sin(Math.PI * (i + 0.5) / SIDE));
        }
        for (int k = 0; k < KEPT; k++) {
            for (int i = 0; i < SIDE; i++) {
                COS[k][i] = Math.cos(Math.PI * (2 * i + 1) * k / (2.0 * SIDE));
            }
        }
    }

    /** The hash of an upright picture of any size. */
    public PerceptualHash hash(RgbImage image) {
        double[][] grey = thumbnail(image);
        double[][] dct = lowFrequencies(tapered(grey));
        long bits = 0;
        for (int p = 0; p < KEPT; p++) {
            for (int q = 0; q < KEPT; q++) {
                if ((p | q) != 0 && dct[p][q] > 0) {
                    bits |= 1L << (8 * p + q);
                }
            }
        }
        return new PerceptualHash(bits, standardDeviation(grey) < LOW_DETAIL_STDDEV);
    }

    /**
     * The thumbnail less its mean, weighted by {@link #TAPER} along both axes: brightness no longer matters, and the
     * edges, which a crop removes and shifts most, count less than the middle.
     */
    static double[][] tapered(double[][] grey) {
        double mean = 0;
        for (double[] row : grey) {
            for (double v : row) {
                mean += v;
            }
        }
        mean /= SIDE * SIDE;
        double[][] out = new double[SIDE][SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                out[y][x] = (grey[y][x] - mean) * TAPER[x] * TAPER[y];
            }
        }
        return out;
    }

    /** Luma (BT.601) averaged over 32×32 equal areas of the picture, partial pixels weighted by their share. */
    static double[][] thumbnail(RgbImage image) {
        int width = image.width();
        Shares across = new Shares(width);
        Shares down = new Shares(image.height());
        byte[] px = image.pixels();
        double[][] out = new double[SIDE][SIDE];
        double[] row = new double[SIDE];
        for (int y = 0, at = 0; y < image.height(); y++) {
            Arrays.fill(row, 0);
            for (int x = 0; x < width; x++, at += 3) {
                double luma = 0.299 * (px[at] & 0xff) + 0.587 * (px[at + 1] & 0xff) + 0.114 * (px[at + 2] & 0xff);
                for (int k = across.start[x]; k < across.start[x + 1]; k++) {
                    row[across.cell[k]] += across.share[k] * luma;
                }
            }
            for (int k = down.start[y]; k < down.start[y + 1]; k++) {
                double[] cells = out[down.cell[k]];
                for (int c = 0; c < SIDE; c++) {
                    cells[c] += down.share[k] * row[c];
                }
            }
        }
        return out;
    }

    /**
     * How the pixels of one axis of {@code length} pixels fall into its 32 cells: pixel i gives {@code share[k]} of
     * its value to {@code cell[k]}, for k from {@code start[i]} to {@code start[i + 1] - 1}. Shares are of a cell's
     * average (each cell's add up to 1); one or two cells per pixel when the axis has at least 32 pixels.
     */
    private static final class Shares {
        final int[] start;
        final int[] cell;
        final double[] share;

        Shares(int length) {
            double step = (double) length / SIDE; // pixels per cell
            start = new int[length + 1];
            int[] cells = new int[length + 2 * SIDE];
            double[] shares = new double[cells.length];
            int n = 0;
            for (int i = 0; i < length; i++) {
                start[i] = n;
                int last = Math.min(SIDE - 1, (int) Math.ceil((i + 1) / step) - 1);
                for (int c = (int) Math.floor(i / step); c <= last; c++) {
                    double overlap = Math.min(i + 1, (c + 1) * step) - Math.max(i, c * step);
                    if (overlap > 0) {
                        cells[n] = c;
                        shares[n++] = overlap / step;
                    }
                }
            }
            start[length] = n;
            cell = Arrays.copyOf(cells, n);
            share = Arrays.copyOf(shares, n);
        }
    }

    /** {@code C(p, q)} for p, q in 0..7: the DCT-II of the thumbnail, rows (p) then columns (q). */
    static double[][] lowFrequencies(double[][] grey) {
        double[][] rows = new double[KEPT][SIDE]; // C over y, for every x
        for (int p = 0; p < KEPT; p++) {
            for (int y = 0; y < SIDE; y++) {
                double c = COS[p][y];
                for (int x = 0; x < SIDE; x++) {
                    rows[p][x] += c * grey[y][x];
                }
            }
        }
        double[][] out = new double[KEPT][KEPT];
        for (int p = 0; p < KEPT; p++) {
            for (int q = 0; q < KEPT; q++) {
                double sum = 0;
                for (int x = 0; x < SIDE; x++) {
                    sum += COS[q][x] * rows[p][x];
                }
                out[p][q] = sum;
            }
        }
        return out;
    }

    private static double standardDeviation(double[][] grey) {
        double sum = 0;
        double squares = 0;
        for (double[] row : grey) {
            for (double v : row) {
                sum += v;
                squares += v * v;
            }
        }
        int n = SIDE * SIDE;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }
}
