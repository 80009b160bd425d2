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
        if (maxConn < 2 || beamWidth < 2 || candidates < 1 || indexThreads < 1 || ramBufferMb < 16 || ramBufferMb > 2000) {
            throw new IllegalArgumentException("HNSW settings out of range");
        }
    }

    /**
     * The settings measured in ADR 0034. The indexing buffer is a quarter of the maximum heap, between
     * 64 MB and 1 GB: each time it fills, a segment with its own graph is written, and a search visits
     * every segment's graph, while merging segments builds their graph again. A million 512-dimensional
     * embeddings take about 2 GB in the buffer: 1 GB makes three or four segments and no merge.
     */
    public static HnswSettings defaults() {
        double quarterHeapMb = Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20);
        return new HnswSettings(16, 100, 100, 2, Math.max(64, Math.min(1024, quarterHeapMb)));
    }

    public HnswSettings withCandidates(int n) {
        return new HnswSettings(maxConn, beamWidth, n, indexThreads, ramBufferMb);
    }
}
