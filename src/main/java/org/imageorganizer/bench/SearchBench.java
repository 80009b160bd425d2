package org.imageorganizer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.imageorganizer.search.EmbeddingIndex;
import org.imageorganizer.search.HnswSettings;
import org.imageorganizer.search.IndexSettings;
import org.imageorganizer.search.SearchHit;
import org.imageorganizer.search.SearchQuery;

/**
 * Search with the query embedding given (issue 17): exact at up to 100,000 photos, approximate (HNSW)
 * above, on synthetic libraries of 512-dimensional embeddings ({@link SearchLibrary}); latencies of
 * one client, the matrix's memory, a full reload, and for the approximate index its build time and
 * recall@10 against the exact scan of the same library.
 */
final class SearchBench {
    static final int DIMENSION = 512;
    /** The smallest library the part takes: the recall and similar queries need more photos than results. */
    static final int MIN_PHOTOS = 1_000;
    private static final int K = 10;

    private final Path work;
    private final int queries;
    private final HnswSettings hnsw;

    private final boolean reuseIndex;

    /**
     * @param reuseIndex keep an approximate index that an earlier run left in {@code work} (the same
     *                   library: it is reopened, not built; the build time is then the reopening's)
     */
    SearchBench(Path work, int queries, HnswSettings hnsw, boolean reuseIndex) {
        this.work = work;
        this.queries = queries;
        this.hnsw = hnsw;
        this.reuseIndex = reuseIndex;
    }

    /**
     * One kind of query's latencies, and the process's CPU time per query meanwhile (which other
     * processes on the machine do not change, unlike the latencies).
     */
    record Row(String data, int photos, boolean approximate, String query, Timed timed, double targetP99Ms) {
        Latencies latencies() {
            return timed.latencies();
        }
    }

    /** Latencies, and the process's CPU milliseconds per call over the same calls. */
    record Timed(Latencies latencies, double cpuMsPerCall) {
    }

    /**
     * The figures of one library.
     *
     * @param loadSeconds   until the first load answers queries (approximate: the exact scan while the index builds)
     * @param buildSeconds  approximate: until the built index answers (NaN for exact)
     * @param buildCpu      approximate: the CPU the build took, and the machine's (others' builds slow it)
     * @param reloadSeconds a full reload after the version changed (exact), or reopening the built index (approximate)
     * @param matrixBytes   the exact matrix's own count, 0 for the approximate index
     * @param heapBytes     heap taken by the load, measured after a GC (approximate: disk bytes of the index)
     * @param recallAt10    approximate: against the exact int8 scan; exact: the int8 scan against float cosines
     */
    record Library(String data, int photos, boolean approximate, double loadSeconds, double buildSeconds, String buildCpu,
            double reloadSeconds, long matrixBytes, long heapBytes, double recallAt10, List<Row> rows) {
    }

    Library run(SearchLibrary.Kind kind, int photos) throws IOException {
        SearchLibrary library = new SearchLibrary(kind, photos, DIMENSION, 17);
        String data = kind.name().toLowerCase(java.util.Locale.ROOT);
        return photos <= IndexSettings.EXACT_LIMIT ? exact(library, data, photos) : approximate(library, data, photos);
    }

    private Library exact(SearchLibrary library, String data, int photos) {
        long heapBefore = usedHeapAfterGc();
        try (EmbeddingIndex index = new EmbeddingIndex(library, IndexSettings.defaults(null))) {
            Stopwatch load = new Stopwatch();
            index.refreshNow();
            double loadSeconds = load.seconds();
            long heap = usedHeapAfterGc() - heapBefore;
            library.touch();
            Stopwatch reload = new Stopwatch();
            index.refreshNow();
            double reloadSeconds = reload.seconds();
            List<Row> rows = latencies(index, library, data, photos, false);
            double recall = int8AgainstFloat(index, library, Math.min(queries, 50));
            return new Library(data, photos, false, loadSeconds, Double.NaN, "", reloadSeconds, index.matrixBytes(), heap,
                    recall, rows);
        }
    }

    private Library approximate(SearchLibrary library, String data, int photos) throws IOException {
        Path folder = work.resolve("search-" + data + "-" + photos);
        if (!reuseIndex) {
            deleteFolder(folder);
        }
        IndexSettings settings = IndexSettings.defaults(folder).withHnsw(hnsw);
        double buildSeconds;
        List<Row> rows;
        List<List<Long>> found = new ArrayList<>();
        double servingSeconds;
        String buildCpu;
        try (EmbeddingIndex index = new EmbeddingIndex(library, settings)) {
            Stopwatch build = new Stopwatch();
            MachineCpu before = MachineCpu.now();
            index.start();
            servingSeconds = waitFor(() -> index.status().loaded(), build);
            buildSeconds = waitFor(() -> index.status().approximate(), build);
            MachineCpu.Use use = before.until(MachineCpu.now());
            buildCpu = String.format(java.util.Locale.ROOT, "%.0f s of CPU in this process; %s", use.process() * buildSeconds,
                    use.describe());
            rows = latencies(index, library, data, photos, true);
            for (int q = 0; q < queries; q++) {
                found.add(ids(index.search(SearchQuery.of(library.query(q), K)).hits()));
            }
        }
        double reopenSeconds;
        try (EmbeddingIndex reopened = new EmbeddingIndex(library, settings)) {
            Stopwatch reopen = new Stopwatch();
            reopened.refreshNow();
            reopenSeconds = reopen.seconds();
        }
        double recall;
        try (EmbeddingIndex exact = new EmbeddingIndex(library, IndexSettings.defaults(null))) {
            exact.refreshNow();
            long hits = 0;
            for (int q = 0; q < queries; q++) {
                Set<Long> truth = new HashSet<>(ids(exact.search(SearchQuery.of(library.query(q), K)).hits()));
                hits += found.get(q).stream().filter(truth::contains).count();
            }
            recall = hits / (double) (queries * K);
        }
        return new Library(data, photos, true, servingSeconds, buildSeconds, buildCpu, reopenSeconds, 0, folderBytes(folder),
                recall, rows);
    }

    /** Seconds on {@code watch} when {@code done} first holds (polled every 50 ms). */
    private static double waitFor(java.util.function.BooleanSupplier done, Stopwatch watch) {
        while (!done.getAsBoolean()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the search index builds", e);
            }
        }
        return watch.seconds();
    }

    private List<Row> latencies(EmbeddingIndex index, SearchLibrary library, String data, int photos, boolean approximate) {
        double target = approximate ? 50 : 25;
        SplittableRandom random = new SplittableRandom(5);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(data, photos, approximate, "text (top 20)", time(n -> {
            index.search(SearchQuery.of(library.query(n), 20));
        }), target));
        rows.add(new Row(data, photos, approximate, "similar (top 20, itself excluded)", time(n -> {
            long id = 1 + random.nextInt(photos);
            float[] embedding = index.embedding(id).orElseThrow();
            index.search(SearchQuery.of(embedding, 20).excluding(List.of(id)));
        }), target));
        rows.add(new Row(data, photos, approximate, "text, repeated (10 queries, answers cached)", time(n -> {
            index.search(SearchQuery.of(library.query(n % 10), 20));
        }), Double.NaN));
        rows.add(new Row(data, photos, approximate, "text, object filter (top 20)", time(n -> {
            index.search(SearchQuery.of(library.query(n), 20).withObject("object" + n % 20));
        }), Double.NaN));
        rows.add(new Row(data, photos, approximate, "text, page 5 (offset 80)", time(n -> {
            index.search(SearchQuery.of(library.query(n), 20).withPage(80, 20));
        }), Double.NaN));
        return rows;
    }

    /** Latencies of {@code queries} calls after as many untimed ones; the query embeddings are made untimed. */
    private Timed time(java.util.function.LongConsumer call) {
        for (int n = 0; n < queries; n++) {
            call.accept(1_000_000 + n);
        }
        long[] nanos = new long[queries];
        long cpuBefore = MachineCpu.now().processCpuNanos();
        for (int n = 0; n < queries; n++) {
            long start = System.nanoTime();
            call.accept(2_000_000 + n);
            nanos[n] = System.nanoTime() - start;
        }
        double cpuMs = (MachineCpu.now().processCpuNanos() - cpuBefore) / 1e6 / queries;
        return new Timed(Latencies.ofNanos(nanos), cpuMs);
    }

    /** Recall@10 of the int8 scan against float cosines over the original embeddings. */
    private static double int8AgainstFloat(EmbeddingIndex index, SearchLibrary library, int count) {
        LongFunction<float[]> query = library::query;
        float[][] qs = new float[count][];
        for (int q = 0; q < count; q++) {
            qs[q] = query.apply(q);
        }
        List<List<SearchHit>> best = new ArrayList<>();
        for (int q = 0; q < count; q++) {
            best.add(new ArrayList<>());
        }
        library.forEachRow(row -> {
            for (int q = 0; q < count; q++) {
                double dot = 0;
                for (int d = 0; d < DIMENSION; d++) {
                    dot += qs[q][d] * row.embedding()[d];
                }
                List<SearchHit> top = best.get(q);
                top.add(new SearchHit(row.id(), (float) dot));
                if (top.size() > 4 * K) {
                    top.sort((a, b) -> Float.compare(b.score(), a.score()));
                    top.subList(K, top.size()).clear();
                }
            }
        });
        long hits = 0;
        for (int q = 0; q < count; q++) {
            List<SearchHit> top = best.get(q);
            top.sort((a, b) -> Float.compare(b.score(), a.score()));
            Set<Long> truth = new HashSet<>(ids(top.subList(0, K)));
            hits += ids(index.search(SearchQuery.of(qs[q], K)).hits()).stream().filter(truth::contains).count();
        }
        return hits / (double) (count * K);
    }

    private static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
