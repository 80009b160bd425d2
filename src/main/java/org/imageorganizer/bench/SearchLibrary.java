package org.imageorganizer.bench;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.imageorganizer.search.EmbeddingRow;
import org.imageorganizer.search.EmbeddingSource;

/**
 * A synthetic library for the search part, made row by row from its id (never held whole: 1M rows of
 * 512 floats would be 2 GB), so that every read gives the same rows.
 *
 * <ul>
 * <li>{@code uniform}: unit vectors drawn uniformly on the sphere. Every point is about as far from
 * every other (cosines around 0 ± 0.044 in 512 dimensions): the hardest case for a graph index and
 * nothing like real photos.</li>
 * <li>{@code clustered}: points of a {@value #LATENT}-dimensional space (around {@value #CENTRES}
 * centres, like subjects and scenes) mapped into 512 dimensions by a fixed random matrix, plus
 * {@value #NOISE_SHARE} isotropic noise, then normalised: low intrinsic dimension and clusters, as
 * CLIP's image embeddings have.</li>
 * </ul>
 * Rows have 20 object labels, 4 background labels and 8 sub-clusters, drawn from the id.
 */
final class SearchLibrary implements EmbeddingSource {
    static final int LATENT = 48;
    static final int CENTRES = 500;
    static final double NOISE_SHARE = 0.15;

    enum Kind { UNIFORM, CLUSTERED }

    private final Kind kind;
    private final int size;
    private final int dimension;
    private final long seed;
    private final float[][] projection;
    private final float[][] centres;
    private volatile long version = 1;

    SearchLibrary(Kind kind, int size, int dimension, long seed) {
        this.kind = kind;
        this.size = size;
        this.dimension = dimension;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        projection = new float[LATENT][];
        for (int l = 0; l < LATENT; l++) {
            projection[l] = gaussian(random, dimension, 1);
        }
        centres = new float[CENTRES][];
        for (int c = 0; c < CENTRES; c++) {
            centres[c] = gaussian(random, LATENT, 1);
        }
    }

    /** Marks the library changed (same rows), so that the next refresh reads it all again. */
    void touch() {
        version++;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public int count() {
        return size;
    }

    @Override
    public void forEachRow(Consumer<EmbeddingRow> sink) {
        float[] v = new float[dimension];
        for (int i = 1; i <= size; i++) {
            sink.accept(row(i, v));
        }
    }

    /** The row of {@code id}, its embedding written into {@code into}. */
    EmbeddingRow row(long id, float[] into) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + id);
        vector(random, into);
        return new EmbeddingRow(id, "object" + random.nextInt(20), "background" + random.nextInt(4),
                random.nextInt(8), into);
    }

    /** A query from the same distribution that is not in the library (as a text's embedding would be). */
    float[] query(long n) {
        float[] v = new float[dimension];
        vector(new SplittableRandom(~seed * 7_777_777 + n), v);
        return v;
    }

    private void vector(SplittableRandom random, float[] into) {
        if (kind == Kind.UNIFORM) {
            for (int d = 0; d < dimension; d++) {
                into[d] = (float) random.nextGaussian();
            }
        } else {
            float[] centre = centres[random.nextInt(CENTRES)];
            java.util.Arrays.fill(into, 0);
            for (int l = 0; l < LATENT; l++) {
                float weight = centre[l] + 0.5f * (float) random.nextGaussian();
                float[] axis = projection[l];
                for (int d = 0; d < dimension; d++) {
                    into[d] += weight * axis[d];
                }
            }
            double signal = norm(into);
            double noise = signal * NOISE_SHARE / Math.sqrt(dimension);
            for (int d = 0; d < dimension; d++) {
                into[d] += (float) (noise * random.nextGaussian());
            }
        }
        double n = norm(into);
        for (int d = 0; d < dimension; d++) {
            into[d] /= (float) n;
        }
    }

    private static float[] gaussian(SplittableRandom random, int length, double sigma) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) (sigma * random.nextGaussian());
        }
        return v;
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
