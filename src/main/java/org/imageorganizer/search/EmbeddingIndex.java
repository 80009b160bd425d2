package org.imageorganizer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.common.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's embeddings held for text search and "similar photos" (ADR 0034). Up to
 * {@link IndexSettings#approximateAbove()} photos an exact scan of an in-memory int8 matrix answers;
 * above, an approximate HNSW index kept on disk in {@link IndexSettings#approximateFolder()} (while it
 * is first built, which takes minutes at a million photos, the exact scan answers; once built, a restart
 * whose library has not changed uses it as it is, without reading the library).
 *
 * <p>{@link #start()} loads it on a background thread (start-up never waits) and then follows the
 * source's {@link EmbeddingSource#version() version} every {@link IndexSettings#pollInterval()}: when it
 * changed, the changes are applied (or every row read again) into a new snapshot, which replaces the old
 * one at once. Queries running meanwhile finish on the old snapshot; a query never reads the source.
 * A query that comes before the first load waits for it up to {@link IndexSettings#loadWait()}, then
 * gets an {@link IndexLoadingException}.
 *
 * <p>Thread-safe. Close it to stop its threads and release the folder.
 */
public final class EmbeddingIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingIndex.class);

    private final EmbeddingSource source;
    private final IndexSettings settings;
    private final ScheduledExecutorService background;
    private final ExecutorService scanPool;
    private final ExactSearch exact;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final ResultCache cache = new ResultCache(256);
    private volatile Snapshot current;
    private volatile String lastError;
    private HnswIndex hnsw; // only touched on the background thread (and by close)

    /** What answers queries now: the exact matrix or the approximate index, at one version. */
    private record Snapshot(Int8Matrix matrix, HnswIndex hnsw, int rows, long version) {
        boolean approximate() {
            return hnsw != null;
        }
    }

    public EmbeddingIndex(EmbeddingSource source, IndexSettings settings) {
        this.source = source;
        this.settings = settings;
        this.background = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.factory("search-index"));
        AtomicInteger n = new AtomicInteger();
        this.scanPool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "search-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.exact = new ExactSearch(scanPool, settings.scanThreads());
    }

    /** Starts the first load in the background and the polling after it; returns at once. */
    public void start() {
        long every = settings.pollInterval().toMillis();
        background.scheduleWithFixedDelay(this::refreshQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Brings the index to the source's current version now and waits for it (a command that searches
     * once, a test, or after a write of this process whose result must show at once).
     */
    public void refreshNow() {
        try {
            background.submit(() -> {
                refresh();
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing the search index", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Asks for a check of the source's version soon, without waiting (after this process changed the library). */
    public void requestRefresh() {
        background.execute(this::refreshQuietly);
    }

    /**
     * One page of the photos nearest to the query, best first. The last 256 answers are kept until the
     * snapshot changes, so a repeated query is not searched again.
     *
     * @throws IndexLoadingException    when the first load has not finished within the load wait
     * @throws IllegalArgumentException when the query's length is not the library's embeddings'
     */
    public SearchResults search(SearchQuery query) {
        Snapshot s = awaitSnapshot();
        SearchResults cached = cache.get(s, query);
        if (cached != null) {
            return cached;
        }
        SearchResults results;
        try {
            results = s.approximate() ? s.hnsw().search(query, s.version()) : exact.search(s.matrix(), query, s.version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cache.put(s, query, results);
        return results;
    }

    /**
     * The embedding the index holds for a photo (unit length; quantised in the exact index), to search
     * for photos similar to it without reading the library.
     */
    public Optional<float[]> embedding(long id) {
        Snapshot s = awaitSnapshot();
        if (s.approximate()) {
            try {
                return s.hnsw().embedding(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int row = s.matrix().rowOf(id);
        return row < 0 ? Optional.empty() : Optional.of(s.matrix().dequantized(row));
    }

    /** Whether it is loaded, which index answers, how many photos at which version, and the last failure. */
    public IndexStatus status() {
        Snapshot s = current;
        return s == null ? new IndexStatus(false, false, 0, -1, lastError)
                : new IndexStatus(true, s.approximate(), s.rows(), s.version(), lastError);
    }

    /** Bytes of heap the exact matrix holds, 0 when the approximate index answers (its data is on disk). */
    public long matrixBytes() {
        Snapshot s = current;
        return s == null || s.approximate() ? 0 : s.matrix().bytes();
    }

    private Snapshot awaitSnapshot() {
        Snapshot s = current;
        if (s != null) {
            return s;
        }
        try {
            if (!loaded.await(settings.loadWait().toMillis(), TimeUnit.MILLISECONDS)) {
                String why = lastError == null ? "" : " (the last try failed: " + lastError + ")";
                throw new IndexLoadingException("The search index is still loading" + why + "; try again in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexLoadingException("The search was interrupted while the index was loading.");
        }
        return current;
    }

    private void refreshQuietly() {
        String before = lastError;
        try {
            refresh();
        } catch (RuntimeException e) {
            if (before == null || !before.equals(lastError)) {
                LOG.warn("The search index could not be refreshed; it will be tried again", e);
            } else {
                LOG.debug("The search index could not be refreshed again: {}", lastError);
            }
        }
    }

    /** Runs on the background thread only. */
    private void refresh() {
        try {
            long version = source.version();
            Snapshot s = current;
            if (s != null && s.version() == version) {
                return;
            }
            boolean approximate = settings.approximateFolder() != null && source.count() > settings.approximateAbove();
            publish(approximate ? approximate(s, version) : exact(s, version));
            if (!approximate && hnsw != null) {
                hnsw.close(); // below the limit again; its folder is brought up to date if the library grows back
                hnsw = null;
            }
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void publish(Snapshot next) {
        current = next;
        lastError = null;
        loaded.countDown();
    }

    private Snapshot exact(Snapshot old, long version) {
        long start = System.nanoTime();
        Int8Matrix matrix = null;
        if (old != null && !old.approximate()) {
            matrix = source.changesSince(old.version()).map(c -> MatrixChanges.apply(old.matrix(), c)).orElse(null);
        }
        if (matrix == null) {
            Int8Matrix.Builder b = new Int8Matrix.Builder();
            source.forEachRow(b::add);
            if (b.skipped() > 0) {
                LOG.warn("{} photos were left out of search: their embeddings have another length (another model)",
                        b.skipped());
            }
            matrix = b.build();
        }
        LOG.info("Search index: {} photos at version {} in {} ms", matrix.rows(), version,
                (System.nanoTime() - start) / 1_000_000);
        return new Snapshot(matrix, null, matrix.rows(), version);
    }

    /**
     * The approximate index at {@code version}. While it is brought up to date, the old snapshot answers;
     * at the first load, the index on disk as it is, or when there is none, the exact scan (slower at
     * this size, but the build takes minutes).
     */
    private Snapshot approximate(Snapshot old, long version) throws IOException {
        if (hnsw == null) {
            hnsw = new HnswIndex(settings.approximateFolder(), settings.hnsw(), scanPool);
        }
        long onDisk = hnsw.version();
        if (onDisk != version) {
            if (old == null) {
                publish(onDisk >= 0 ? new Snapshot(null, hnsw, hnsw.rows(), onDisk) : exact(null, version));
            } else if (!old.approximate()) {
                publish(exact(old, version)); // the library just grew past the limit: current rows meanwhile
            }
            long start = System.nanoTime();
            HnswWriter writer = new HnswWriter(hnsw);
            Optional<EmbeddingSource.Changes> changes = onDisk < 0 ? Optional.empty() : source.changesSince(onDisk);
            if (changes.isPresent()) {
                writer.apply(changes.get());
            } else {
                HnswWriter.Outcome o = writer.sync(source::forEachRow, version);
                LOG.info("Approximate search index: {} added, {} replaced, {} deleted, {} unchanged", o.added(),
                        o.replaced(), o.deleted(), o.unchanged());
            }
            LOG.info("Approximate search index at version {} in {} ms", version, (System.nanoTime() - start) / 1_000_000);
        }
        return new Snapshot(null, hnsw, hnsw.rows(), version);
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scanPool.shutdownNow();
        if (hnsw != null) {
            try {
                hnsw.close();
            } catch (IOException e) {
                LOG.warn("The approximate search index could not be closed", e);
            }
        }
    }
}
