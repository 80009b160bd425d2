package org.imageorganizer.cluster;

/**
 * Finds sub-clusters among the embeddings of one object → background group.
 * Implementations are deterministic: the same vectors in the same order give the same labels.
 */
public interface Clusterer {
    /**
     * @param vectors L2-normalised embeddings, all of the same dimension
     * @return one label per vector, in input order: 0, 1, 2… for clusters, -1 for noise
     */
    int[] cluster(float[][] vectors);

    /** A short description with the parameters, e.g. {@code hdbscan(minClusterSize=5, minSamples=5)}. */
    String describe();
}
