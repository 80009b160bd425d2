package org.imageorganizer.ml;

/** Small vector helpers for embeddings. */
public final class EmbeddingMath {
    private EmbeddingMath() {
    }

    /** A unit-length copy of {@code v}; a zero vector stays zero. */
    public static float[] normalized(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float[] out = new float[v.length];
        if (sum == 0) {
            return out;
        }
        double inv = 1 / Math.sqrt(sum);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }

    /** The element-wise mean of {@code count} vectors starting at {@code from}. */
    public static float[] mean(float[][] vectors, int from, int count) {
        float[] out = new float[vectors[from].length];
        for (int i = from; i < from + count; i++) {
            for (int d = 0; d < out.length; d++) {
                out[d] += vectors[i][d];
            }
        }
        for (int d = 0; d < out.length; d++) {
            out[d] /= count;
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
