package org.imageorganizer.bench;

import java.util.SplittableRandom;
import org.imageorganizer.model.PerceptualHash;

/**
 * Perceptual hashes shaped like a library's, for the duplicates bench and the near-duplicate tests. Bits are biased as photos' are (each bit set with its own
 * probability between 0.25 and 0.75: layouts repeat, a sky is usually above), so the index's buckets are uneven;
 * a share of the photos are near-duplicates of an earlier one: up to 8 bits flipped, or a quarter of them turned
 * with up to 3 bits flipped.
 */
public final class SyntheticHashes {
    private final SplittableRandom random;
    private final double[] bias = new double[64];

    public SyntheticHashes(long seed) {
        random = new SplittableRandom(seed);
        for (int k = 1; k < 64; k++) {
            bias[k] = 0.25 + 0.5 * random.nextDouble();
        }
    }

    /** A hash of an unrelated photo. */
    public PerceptualHash photo() {
        long bits = 0;
        for (int k = 1; k < 64; k++) {
            if (random.nextDouble() < bias[k]) {
                bits |= 1L << k;
            }
        }
        return new PerceptualHash(bits, false);
    }

    /** {@code original} with {@code flips} random bits changed. */
    public PerceptualHash variant(PerceptualHash original, int flips) {
        long bits = original.bits();
        for (int f = 0; f < flips; f++) {
            bits ^= 1L << (1 + random.nextInt(63));
        }
        return new PerceptualHash(bits, false);
    }

    /** {@code count} hashes, {@code nearShare} of them variants (up to 8 bits away) of an earlier one. */
    public PerceptualHash[] library(int count, double nearShare) {
        return library(count, nearShare, new int[count]);
    }

    /** As {@link #library(int, double)}; {@code source[i]} is the photo i is a variant of, or -1. */
    public PerceptualHash[] library(int count, double nearShare, int[] source) {
        PerceptualHash[] hashes = new PerceptualHash[count];
        for (int i = 0; i < count; i++) {
            source[i] = i > 0 && random.nextDouble() < nearShare ? random.nextInt(i) : -1;
            hashes[i] = source[i] < 0 ? photo() : random.nextInt(4) == 0
                    ? variant(hashes[source[i]], random.nextInt(4)).rotated(1 + random.nextInt(3)) // turned, re-saved
                    : variant(hashes[source[i]], random.nextInt(9));
        }
        return hashes;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /**
     * A random unit vector of {@code dimensions} (an embedding), or {@code near} plus noise of norm about
     * {@code noise}, normalised: a near-duplicate's embedding.
     */
    public static float[] unitVector(SplittableRandom random, float[] near, double noise, int dimensions) {
        float[] v = new float[dimensions];
        double sum = 0;
        for (int d = 0; d < v.length; d++) {
            double g = random.nextGaussian() / Math.sqrt(v.length);
            v[d] = (float) (near == null ? g : near[d] + noise * g);
            sum += v[d] * v[d];
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(sum);
        }
        return v;
    }
}
