package org.imageorganizer.ml;

/**
 * The running mean of image embeddings, for {@link FewShotReferences}: add every photo's embedding of
 * the library once (in any order, on one thread), then read the {@link #centre()}. CLIP's image
 * embeddings all sit in a narrow cone (two unrelated photos have a cosine of about 0.5), and this
 * mean is the cone's axis: what learnt references are measured from.
 */
public final class EmbeddingCentre {
    private double[] sum;
    private long count;

    /** Adds one embedding (all must have the same length). */
    public void add(float[] embedding) {
        if (sum == null) {
            sum = new double[embedding.length];
        } else if (embedding.length != sum.length) {
            throw new IllegalArgumentException("embedding of " + embedding.length + " values, expected " + sum.length);
        }
        for (int d = 0; d < embedding.length; d++) {
            sum[d] += embedding[d];
        }
        count++;
    }

    /** How many embeddings were added. */
    public long count() {
        return count;
    }

    /** The mean of the embeddings added (not normalised), or an empty array when none were. */
    public float[] centre() {
        if (count == 0) {
            return new float[0];
        }
        float[] out = new float[sum.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = (float) (sum[d] / count);
        }
        return out;
    }

    /** The mean of the given embeddings. */
    public static float[] of(Iterable<float[]> embeddings) {
        EmbeddingCentre centre = new EmbeddingCentre();
        embeddings.forEach(centre::add);
        return centre.centre();
    }
}
