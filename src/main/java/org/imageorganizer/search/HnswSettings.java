package org.imageorganizer.search;

/**
 * How the approximate index is built and searched (Lucene's HNSW; ADR 0034).
 *
 * @param maxConn      neighbours per node in the graph (Lucene's default 16)
 * @param beamWidth    candidates considered when a node is inserted (Lucene's default 100)
 * @param candidates   nodes a search keeps (its ef): a search asks for max(candidates, offset + limit)
 *                     neighbours and returns the best; more candidates, better recall, slower searches
 * @param indexThreads threads adding documents while the index is built (each builds its own segment's graph)
 * @param ramBufferMb  heap the writer fills before it writes a segment
 */
public record HnswSettings(int maxConn, int beamWidth, int candidates, int indexThreads, double ramBufferMb) {
    public HnswSettings {
        if (maxConn < 2 || beamWidth < 2 || candidates < 1 || indexThreads < 1 || ramBufferMb < 16) {
            throw new IllegalArgumentException("HNSW settings out of range");
        }
    }

    /** The settings measured in ADR 0034: recall@10 ≥ 0.95 on clustered embeddings at 1M. */
    public static HnswSettings defaults() {
        return new HnswSettings(16, 100, 100, 2, 256);
    }

    public HnswSettings withCandidates(int n) {
        return new HnswSettings(maxConn, beamWidth, n, indexThreads, ramBufferMb);
    }
}
