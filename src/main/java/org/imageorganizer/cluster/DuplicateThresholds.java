package org.imageorganizer.cluster;

/**
 * When two photos are near-duplicates (docs/decisions/0033, where the defaults were measured).
 *
 * <p>CLIP embeddings are not rotation-invariant (a photo and its quarter turn were 0.27–0.63 apart in cosine with the
 * test models), so the veto cannot judge a pair that matches only turned: such a pair is never vetoed, but is linked
 * only within the tighter {@code turnedHashDistance}, where chance matches between unrelated photos are rare.
 *
 * @param hashDistance       two photos are linked when their hashes, not turned, are at most this many bits apart
 *                           (0..{@link NearDuplicateIndex#MAX_DISTANCE}) and the veto does not refuse them
 * @param stackDiameter      every two photos of a stack are at most this many bits apart (at least
 *                           {@code hashDistance}): links never chain different pictures into one stack
 * @param turnedHashDistance the link distance for photos that match only after a quarter or half turn (at most
 *                           {@code hashDistance}); never vetoed
 * @param minCosine          the CLIP veto: two photos whose embeddings' cosine is below this are never in one stack,
 *                           however close their hashes; per model (real CLIP's similarities differ from a test
 *                           model's), kept with the model's manifest or settings. {@code -1} turns the veto off
 */
public record DuplicateThresholds(int hashDistance, int stackDiameter, int turnedHashDistance, double minCosine) {
    /** The measured default link distance. */
    public static final int DEFAULT_HASH_DISTANCE = 10;
    /** The measured default stack diameter. */
    public static final int DEFAULT_STACK_DIAMETER = 11;
    /** The default distance for turned photos. */
    public static final int DEFAULT_TURNED_HASH_DISTANCE = 6;

    public DuplicateThresholds {
        NearDuplicateIndex.checkDistance(hashDistance);
        if (stackDiameter < hashDistance || stackDiameter > 64) {
            throw new IllegalArgumentException("stackDiameter must be in " + hashDistance + "..64, got " + stackDiameter);
        }
        if (turnedHashDistance < 0 || turnedHashDistance > hashDistance) {
            throw new IllegalArgumentException("turnedHashDistance must be in 0.." + hashDistance + ", got "
                    + turnedHashDistance);
        }
        if (Double.isNaN(minCosine) || minCosine < -1 || minCosine > 1) {
            throw new IllegalArgumentException("minCosine must be in -1..1, got " + minCosine);
        }
    }

    /** The default distances with a model's veto threshold. */
    public static DuplicateThresholds withVeto(double minCosine) {
        return new DuplicateThresholds(DEFAULT_HASH_DISTANCE, DEFAULT_STACK_DIAMETER, DEFAULT_TURNED_HASH_DISTANCE,
                minCosine);
    }

    /**
     * Whether two photos are near-duplicates of each other: the rule for a new photo's
     * {@link NearDuplicateIndex.Match}es ({@code index.matches(hash, hashDistance())}, then this for each).
     *
     * @param distance     bits apart after the best turn
     * @param quarterTurns that turn (0 when the hashes match as they are)
     * @param a            one photo's unit-length embedding, or null when unknown
     * @param b            the other's, or null
     */
    public boolean linked(int distance, int quarterTurns, float[] a, float[] b) {
        return quarterTurns == 0 ? distance <= hashDistance && !vetoes(a, b) : distance <= turnedHashDistance;
    }

    /**
     * Whether two photos of stacks being merged may be in one stack: within the stack diameter, and not vetoed unless
     * turned (a turned photo was linked to the stack at the tight turned distance; it is then held to the diameter
     * like the others, so that a turned copy and a cropped copy of one picture stay together).
     */
    boolean together(int distance, int quarterTurns, float[] a, float[] b) {
        return distance <= stackDiameter && (quarterTurns != 0 || !vetoes(a, b));
    }

    /** Whether the embeddings say two photos (not turned) show different things; never when either is unknown. */
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
