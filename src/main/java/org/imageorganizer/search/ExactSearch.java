package org.imageorganizer.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Exact top-k search over an {@link Int8Matrix}: the query, normalised and quantised to 16 bits, is
 * multiplied with every row that passes the filters (integer dot products, rescaled by the two scales),
 * the best {@code offset + limit} are kept per part, and the page is cut out of their union. The rows
 * are split into as many parts as there are threads; the calling thread scans one part itself.
 */
final class ExactSearch {
    private static final int ANY = Integer.MIN_VALUE;
    /** Below this many rows one thread scans them all: handing a part over costs more than it saves. */
    private static final int PARALLEL_ROWS = 8_192;

    private final ExecutorService pool;
    private final int threads;

    /**
     * @param pool    the threads that scan the other parts ({@code threads - 1} of them are used at once)
     * @param threads the parts one query is split into
     */
    ExactSearch(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = Math.max(1, threads);
    }

    private record Filter(int object, int background, int cluster, long[] excluded, long[] only) {
        boolean absent() {
            return object == Labels.ABSENT || background == Labels.ABSENT;
        }

        boolean passes(Int8Matrix m, int row) {
            return (object == ANY || m.object(row) == object) && (background == ANY || m.background(row) == background)
                    && (cluster == ANY || m.cluster(row) == cluster)
                    && (only == null || Arrays.binarySearch(only, m.id(row)) >= 0);
        }

        boolean excludes(long id) {
            return excluded.length > 0 && Arrays.binarySearch(excluded, id) >= 0;
        }
    }

    private record Part(TopHits top, int matched) {
    }

    SearchResults search(Int8Matrix m, SearchQuery query, long version) {
        if (m.rows() > 0 && query.embedding().length != m.dimension()) {
            throw new IllegalArgumentException("the query has " + query.embedding().length
                    + " dimensions, the library's embeddings " + m.dimension());
        }
        Filter filter = filter(m, query);
        if (m.rows() == 0 || filter.absent()) {
            return new SearchResults(List.of(), 0, false, version);
        }
        short[] q = new short[m.dimension()];
        float queryScale = Quantizer.quantizeQuery(query.embedding(), q);
        int parts = m.rows() < PARALLEL_ROWS ? 1 : threads;
        int blocksPerPart = ceilDiv(ceilDiv(m.rows(), Int8Matrix.BLOCK_ROWS), parts);
        List<Future<Part>> others = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = Math.min(m.rows(), p * blocksPerPart * Int8Matrix.BLOCK_ROWS);
            int to = Math.min(m.rows(), from + blocksPerPart * Int8Matrix.BLOCK_ROWS);
            others.add(pool.submit(() -> scan(m, q, queryScale, filter, query.window(), from, to)));
        }
        List<Part> done = new ArrayList<>();
        done.add(scan(m, q, queryScale, filter, query.window(), 0,
                Math.min(m.rows(), blocksPerPart * Int8Matrix.BLOCK_ROWS)));
        for (Future<Part> f : others) {
            done.add(join(f));
        }
        return page(m, query, filter, done, version);
    }

    private static Filter filter(Int8Matrix m, SearchQuery query) {
        long[] excluded = query.excludedIds().stream().mapToLong(Long::longValue).sorted().toArray();
        return new Filter(query.objectLabel() == null ? ANY : m.objectLabels().lookup(query.objectLabel()),
                query.backgroundLabel() == null ? ANY : m.backgroundLabels().lookup(query.backgroundLabel()),
                query.clusterId() == null ? ANY : query.clusterId(), excluded, query.onlyIds());
    }

    private static Part scan(Int8Matrix m, short[] q, float queryScale, Filter filter, int window, int from, int to) {
        TopHits top = new TopHits(window);
        int matched = 0;
        int dimension = m.dimension();
        boolean filtered = filter.object != ANY || filter.background != ANY || filter.cluster != ANY
                || filter.only != null;
        for (int row = from; row < to; row++) {
            if (filtered && !filter.passes(m, row)) {
                continue;
            }
            matched++;
            float score = Quantizer.dot(q, m.block(row), (row % Int8Matrix.BLOCK_ROWS) * dimension) * m.scale(row)
                    * queryScale;
            long id = m.id(row);
            if (top.accepts(score, id) && !filter.excludes(id)) {
                top.offer(score, id);
            }
        }
        return new Part(top, matched);
    }

    private static SearchResults page(Int8Matrix m, SearchQuery query, Filter filter, List<Part> parts, long version) {
        List<SearchHit> all = new ArrayList<>();
        int matched = 0;
        for (Part part : parts) {
            all.addAll(part.top().hits());
            matched += part.matched();
        }
        for (long id : filter.excluded()) {
            int row = m.rowOf(id);
            if (row >= 0 && filter.passes(m, row)) {
                matched--;
            }
        }
        all.sort((a, b) -> SearchHit.rank(a.score(), a.id(), b.score(), b.id()));
        int from = Math.min(query.offset(), all.size());
        int to = Math.min(query.window(), all.size());
        return new SearchResults(all.subList(from, to), matched, false, version);
    }

    private static Part join(Future<Part> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted while searching", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
