package org.imageorganizer.search;

/** Symmetric int8 quantisation of unit-normalised embeddings, and of queries to 16 bits. */
final class Quantizer {
    /**
     * The largest query value for {@code dimension}: by Cauchy-Schwarz |dot| ≤ 127 × max × dimension for
     * unit vectors, which must fit an int (32767 up to 516 dimensions, less above).
     */
    static int queryMax(int dimension) {
        return (int) Math.min(Short.MAX_VALUE, Integer.MAX_VALUE / (127L * Math.max(1, dimension)));
    }

    private Quantizer() {
    }

    /**
     * Normalises {@code e} (without changing it) and writes it as bytes in [-127, 127] at {@code offset}.
     *
     * @return the scale: value = byte × scale; 0 for a zero vector
     */
    static float quantize(float[] e, byte[] out, int offset) {
        double norm = norm(e);
        double maxAbs = 0;
        for (float x : e) {
            maxAbs = Math.max(maxAbs, Math.abs(x));
        }
        if (norm == 0 || maxAbs == 0 || !Double.isFinite(norm)) {
            java.util.Arrays.fill(out, offset, offset + e.length, (byte) 0);
            return 0;
        }
        double factor = 127 / maxAbs;
        for (int d = 0; d < e.length; d++) {
            out[offset + d] = (byte) Math.round(e[d] * factor);
        }
        return (float) (maxAbs / norm / 127);
    }

    /**
     * The query normalised and scaled to shorts in [-{@link #queryMax}, {@link #queryMax}].
     *
     * @return the scale: normalised value = short × scale; 0 for a zero vector
     */
    static float quantizeQuery(float[] query, short[] out) {
        double norm = norm(query);
        double maxAbs = 0;
        for (float x : query) {
            maxAbs = Math.max(maxAbs, Math.abs(x));
        }
        if (norm == 0 || maxAbs == 0 || !Double.isFinite(norm)) {
            java.util.Arrays.fill(out, (short) 0);
            return 0;
        }
        int max = queryMax(query.length);
        double factor = max / maxAbs;
        for (int d = 0; d < query.length; d++) {
            out[d] = (short) Math.round(query[d] * factor);
        }
        return (float) (maxAbs / norm / max);
    }

    /** The dot product of a quantised query with the row at {@code offset}. */
    static int dot(short[] query, byte[] block, int offset) {
        int sum = 0;
        for (int d = 0; d < query.length; d++) {
            sum += query[d] * block[offset + d];
        }
        return sum;
    }

    static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
