package org.imageorganizer.search;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the {@link EmbeddingIndex} runs.
 *
 * @param approximateFolder where the approximate index is kept on disk, or null to always search exactly
 * @param approximateAbove  above this many photos the approximate index answers (with a folder)
 * @param scanThreads       threads one exact query is split across (the calling thread is one of them)
 * @param pollInterval      how often the source's version is checked
 * @param loadWait          how long a query waits for the first load before it is told the index is loading
 * @param hnsw              the approximate index's settings
 */
public record IndexSettings(Path approximateFolder, int approximateAbove, int scanThreads, Duration pollInterval,
        Duration loadWait, HnswSettings hnsw) {
    /** The size up to which exact search is kept (issue 17: 8–12 ms at 100,000 on two threads). */
    public static final int EXACT_LIMIT = 100_000;

    public IndexSettings {
        if (approximateAbove < 0 || scanThreads < 1 || pollInterval.isNegative() || pollInterval.isZero()
                || loadWait.isNegative()) {
            throw new IllegalArgumentException("index settings out of range");
        }
    }

    /**
     * Exact search up to 100,000 photos, the approximate index in {@code approximateFolder} above (null:
     * exact always), two scan threads, the version polled every 2 s, queries waiting up to 5 s for the
     * first load.
     */
    public static IndexSettings defaults(Path approximateFolder) {
        return new IndexSettings(approximateFolder, EXACT_LIMIT, 2, Duration.ofSeconds(2), Duration.ofSeconds(5),
                HnswSettings.defaults());
    }

    public IndexSettings withApproximateAbove(int rows) {
        return new IndexSettings(approximateFolder, rows, scanThreads, pollInterval, loadWait, hnsw);
    }

    public IndexSettings withPollInterval(Duration interval) {
        return new IndexSettings(approximateFolder, approximateAbove, scanThreads, interval, loadWait, hnsw);
    }

    public IndexSettings withLoadWait(Duration wait) {
        return new IndexSettings(approximateFolder, approximateAbove, scanThreads, pollInterval, wait, hnsw);
    }

    public IndexSettings withHnsw(HnswSettings settings) {
        return new IndexSettings(approximateFolder, approximateAbove, scanThreads, pollInterval, loadWait, settings);
    }
}
