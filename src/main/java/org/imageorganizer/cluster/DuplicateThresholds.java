package org.imageorganizer.cluster;

/**
 * When two photos are near-duplicates (docs/decisions/0033, where the defaults were measured).
 *
 * @param hashDistance  two photos are linked when their perceptual hashes are at most this many bits apart under
 *                      some quarter turn (0..{@link NearDuplicateIndex#MAX_DISTANCE})
 * @param stackDiameter every two photos of a stack are at most this many bits apart (at least {@code hashDistance}):
 *                      links never chain different pictures into one stack
 * @param minCosine     the CLIP veto: two photos whose embeddings' cosine is below this are never in one stack,
 *                      however close their hashes; per model (real CLIP's similarities differ from a test model's),
 *                      kept with the model's manifest or settings. {@code -1} turns the veto off
 */
public record DuplicateThresholds(int hashDistance, int stackDiameter, double minCosine) {
    /** The measured default link distance. */
    public static final int DEFAULT_HASH_DISTANCE = 10;
    /** The measured default stack diameter. */
    public static final int DEFAULT_STACK_DIAMETER = 11;

    public DuplicateThresholds {
        NearDuplicateIndex.checkDistance(hashDistance);
        if (stackDiameter < hashDistance || stackDiameter > 64) {
            throw new IllegalArgumentException("stackDiameter must be in " + hashDistance + "..64, got " + stackDiameter);
        }
        if (Double.isNaN(minCosine) || minCosine < -1 || minCosine > 1) {
            throw new IllegalArgumentException("minCosine must be in -1..1, got " + minCosine);
        }
    }

    /** The default distances with a model's veto threshold. */
    public static DuplicateThresholds withVeto(double minCosine) {
        return new DuplicateThresholds(DEFAULT_HASH_DISTANCE, DEFAULT_STACK_DIAMETER, minCosine);
    }

    /** Whether the embeddings say two photos show different things (never when either is unknown). */
    public boolean vetoes(float[] a, float[] b) {
        if (a == null || b == null || minCosine <= -1) {
            return false;
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot < minCosine;
    }
}
