package org.imageorganizer.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random rows for the tests: unit vectors, uniform or around a few centres, with a few labels and clusters. */
final class TestRows {
    private TestRows() {
    }

    static List<EmbeddingRow> uniform(int count, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EmbeddingRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row(i + 1, random, randomUnit(random, dimension)));
        }
        return rows;
    }

    /** Rows around {@code centres} centres, each a mix of 70% centre and 30% noise. */
    static List<EmbeddingRow> clustered(int count, int dimension, int centres, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] c = new float[centres][];
        for (int i = 0; i < centres; i++) {
            c[i] = randomUnit(random, dimension);
        }
        List<EmbeddingRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] noise = randomUnit(random, dimension);
            float[] centre = c[random.nextInt(centres)];
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = 0.7f * centre[d] + 0.3f * noise[d];
            }
            rows.add(row(i + 1, random, v));
        }
        return rows;
    }

    private static EmbeddingRow row(long id, SplittableRandom random, float[] v) {
        String object = random.nextInt(10) == 0 ? null : "object" + random.nextInt(4);
        String background = "background" + random.nextInt(3);
        int cluster = random.nextInt(5) - 1;
        return new EmbeddingRow(id, object, background, cluster, v);
    }

    static float[] randomUnit(SplittableRandom random, int dimension) {
        float[] v = new float[dimension];
        double sum = 0;
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) random.nextGaussian();
            sum += v[d] * v[d];
        }
        for (int d = 0; d < dimension; d++) {
            v[d] /= (float) Math.sqrt(sum);
        }
        return v;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += (double) a[d] * b[d];
            na += (double) a[d] * a[d];
            nb += (double) b[d] * b[d];
        }
        return dot / Math.sqrt(na * nb);
    }
}
