package org.imageorganizer.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.imageorganizer.cluster.DuplicateCandidate;
import org.imageorganizer.cluster.DuplicateStack;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.cluster.IncrementalNearDuplicates;
import org.imageorganizer.cluster.NearDuplicateFinder;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.PerceptualHash;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NearDuplicateLinks;
import org.imageorganizer.store.NewImage;

/**
 * Near-duplicates at library scale (issue 17, docs/decisions/0036), on synthetic hashes ({@link SyntheticHashes}, 10%
 * near-duplicates) with 64-dimension embeddings (copies close to their original) and the veto at 0.9:
 * <ul>
 * <li>the check of a new photo at import: {@link IncrementalNearDuplicates} with the library loaded, on a library in
 * memory (the linker's own cost), and in an H2 library (the whole insert transaction, the lock and the catch-up read
 * included, against the same insert without a linker);</li>
 * <li>the full pass, building every link once, and the stacks read from the links.</li>
 * </ul>
 */
final class DuplicatesBench {
    private static final int DIMENSIONS = 64;
    private final Path work;
    private final int checks;

    DuplicatesBench(Path work, int checks) {
        this.work = work;
        this.checks = checks;
    }

    /** One library's figures. */
    record Result(int photos, SearchBench.Timed check, double fullPassSeconds, double fullPassCpuSeconds, int stacks,
            double rebuildSeconds, int links, double fromLinksSeconds, int linkedPhotos, SearchBench.Timed insertLinked,
            SearchBench.Timed insertUnlinked, SearchBench.Timed checkInH2, String load) {
    }

    Result run(int photos, boolean h2) {
        SplittableRandom random = new SplittableRandom(photos);
        SyntheticHashes hashes = new SyntheticHashes(photos);
        int[] source = new int[photos];
        PerceptualHash[] library = hashes.library(photos, 0.1, source);
        float[][] embeddings = new float[photos][];
        List<DuplicateCandidate> candidates = new ArrayList<>(photos);
        for (int i = 0; i < photos; i++) {
            embeddings[i] = SyntheticHashes.unitVector(random, source[i] < 0 ? null : embeddings[source[i]], 0.2,
                    DIMENSIONS);
            candidates.add(new DuplicateCandidate(i + 1, "sha" + i, library[i], embeddings[i], 400, 300, "jpeg", 1000,
                    Instant.EPOCH.plusSeconds(i)));
        }
        DuplicateThresholds thresholds = DuplicateThresholds.withVeto(0.9);

        MachineCpu before = MachineCpu.now();
        Stopwatch full = new Stopwatch();
        List<DuplicateStack> stacks = new NearDuplicateFinder(thresholds).stacks(candidates);
        double fullSeconds = full.seconds();
        double fullCpu = (MachineCpu.now().processCpuNanos() - before.processCpuNanos()) / 1e9;

        MemoryLibrary memory = new MemoryLibrary(library);
        IncrementalNearDuplicates linker = new IncrementalNearDuplicates(thresholds);
        Stopwatch rebuild = new Stopwatch();
        List<NearDuplicateLinks.Link> links = linker.rebuild(memory);
        double rebuildSeconds = rebuild.seconds();

        Stopwatch fromLinks = new Stopwatch();
        Set<Long> linked = new HashSet<>();
        links.forEach(l -> {
            linked.add(l.firstId());
            linked.add(l.secondId());
        });
        List<DuplicateCandidate> linkedCandidates = candidates.stream().filter(c -> linked.contains(c.id())).toList();
        List<DuplicateStack> again = new NearDuplicateFinder(thresholds).stacks(linkedCandidates);
        double fromLinksSeconds = fromLinks.seconds();
        if (again.size() != stacks.size()) {
            throw new IllegalStateException("the stacks from the links differ from the full pass's: " + again.size()
                    + " and " + stacks.size());
        }

        long[] next = {photos + 1L};
        SearchBench.Timed check = time(() -> {
            PerceptualHash hash = newPhoto(hashes, library);
            long id = next[0]++;
            linker.linksOf(memory, List.of(new NearDuplicateLinks.HashedImage(id, hash.toBytes())));
        });
        SearchBench.Timed linkedInsert = null;
        SearchBench.Timed unlinkedInsert = null;
        SearchBench.Timed checkInH2 = null;
        if (h2) {
            SearchBench.Timed[] inserts = inH2(photos, hashes, library);
            unlinkedInsert = inserts[0];
            linkedInsert = inserts[1];
            checkInH2 = inserts[2];
        }
        return new Result(photos, check, fullSeconds, fullCpu, stacks.size(), rebuildSeconds, links.size(),
                fromLinksSeconds, linked.size(), linkedInsert, unlinkedInsert, checkInH2,
                "load average " + MachineCpu.loadAverage());
    }

    /** Inserts into an H2 library of {@code photos}: without a linker, then with one (loaded and built first). */
    private SearchBench.Timed[] inH2(int photos, SyntheticHashes hashes, PerceptualHash[] library) {
        Path file = work.resolve("duplicates-" + photos + "-" + System.nanoTime());
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            List<NewImage> batch = new ArrayList<>();
            for (int i = 0; i < photos; i++) {
                batch.add(image("p" + i, library[i]));
                if (batch.size() == 1_000 || i == photos - 1) {
                    db.images().insertAll(batch);
                    batch.clear();
                }
            }
            int[] n = {0};
            SearchBench.Timed unlinked = time(() -> db.images().insert(image("u" + n[0]++, newPhoto(hashes, library))));
            TimedLinker linker = new TimedLinker(new IncrementalNearDuplicates(DuplicateThresholds.withVeto(0.9)));
            db.nearDuplicateLinks().useLinker(linker);
            db.nearDuplicateLinks().rebuild();
            linker.nanos.clear();
            SearchBench.Timed linked = time(() -> db.images().insert(image("l" + n[0]++, newPhoto(hashes, library))));
            long[] inside = linker.nanos.subList(checks, linker.nanos.size()).stream().mapToLong(Long::longValue).toArray();
            return new SearchBench.Timed[] {unlinked, linked, new SearchBench.Timed(Latencies.ofNanos(inside), Double.NaN)};
        }
    }

    private static NewImage image(String name, PerceptualHash hash) {
        String sha = org.apache.commons.codec.digest.DigestUtils.sha256Hex(name);
        return new NewImage(sha, "/bench/" + name + ".jpg", name + ".jpg", 1000, 400, 300, "jpeg", StorageKind.INDEXED,
                new Classification(new Label("thing", 0.9), new Label("place", 0.8)), new float[] {1, 0, 0, 0}, "bench",
                null, hash.toBytes());
    }

    /** Half of them a variant of a library photo (turned one time in four), half unrelated. */
    private static PerceptualHash newPhoto(SyntheticHashes hashes, PerceptualHash[] library) {
        if (hashes.nextInt(2) == 0) {
            return hashes.photo();
        }
        PerceptualHash variant = hashes.variant(library[hashes.nextInt(library.length)], hashes.nextInt(6));
        return hashes.nextInt(4) == 0 ? variant.rotated(1 + hashes.nextInt(3)) : variant;
    }

    /** Latencies of {@code checks} calls after as many untimed ones, with the process's CPU per call. */
    private SearchBench.Timed time(Runnable call) {
        for (int n = 0; n < checks; n++) {
            call.run();
        }
        long[] nanos = new long[checks];
        long cpuBefore = MachineCpu.now().processCpuNanos();
        for (int n = 0; n < checks; n++) {
            long start = System.nanoTime();
            call.run();
            nanos[n] = System.nanoTime() - start;
        }
        return new SearchBench.Timed(Latencies.ofNanos(nanos), (MachineCpu.now().processCpuNanos() - cpuBefore) / 1e6 / checks);
    }

    /** A linker that times each check of new photos, in the insert's transaction (catch-up read and existence check included). */
    private static final class TimedLinker implements NearDuplicateLinks.Linker {
        private final NearDuplicateLinks.Linker linker;
        final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());

        TimedLinker(NearDuplicateLinks.Linker linker) {
            this.linker = linker;
        }

        @Override
        public String rule() {
            return linker.rule();
        }

        @Override
        public List<NearDuplicateLinks.Link> rebuild(NearDuplicateLinks.LockedLibrary library) {
            return linker.rebuild(library);
        }

        @Override
        public List<NearDuplicateLinks.Link> linksOf(NearDuplicateLinks.LockedLibrary library,
                List<NearDuplicateLinks.HashedImage> added) {
            long start = System.nanoTime();
            try {
                return linker.linksOf(library, added);
            } finally {
                nanos.add(System.nanoTime() - start);
            }
        }

        @Override
        public void forget(long id) {
            linker.forget(id);
        }
    }

    /** A library held in memory, as the linker reads one: nothing changes between checks. */
    private static final class MemoryLibrary implements NearDuplicateLinks.LockedLibrary {
        private final PerceptualHash[] hashes;

        MemoryLibrary(PerceptualHash[] hashes) {
            this.hashes = hashes;
        }

        @Override
        public long serial() {
            return 1;
        }

        @Override
        public void forEachHashSince(long serial, NearDuplicateLinks.HashSink sink) {
            if (serial < 0) {
                for (int i = 0; i < hashes.length; i++) {
                    sink.accept(i + 1, hashes[i].toBytes());
                }
            }
        }

        @Override
        public Set<Long> existing(Collection<Long> ids) {
            return new HashSet<>(ids);
        }
    }

    /** The figures as a Markdown table. */
    static void print(PrintWriter out, List<Result> results) {
        out.println();
        out.println("## Near-duplicates (synthetic hashes, 10% near-duplicates, 64-dimension embeddings, veto 0.9)");
        out.println();
        out.println("| photos | check of a new photo p50 / p99 (CPU) | the check in an H2 insert p50 / p99 | insert in H2"
                + " with / without the check, p50 / p99 | full pass (CPU) | links built | stacks from links | load |");
        out.println("|---:|---|---|---|---|---|---|---|");
        for (Result r : results) {
            out.printf(Locale.ROOT, "| %,d | %.3f / %.3f ms (%.3f ms) | %s | %s | %.1f s (%.1f s), %,d stacks | %,d in %.1f s |"
                    + " %.2f s over %,d photos | %s |%n", r.photos(), r.check().latencies().medianMs(),
                    r.check().latencies().p99Ms(), r.check().cpuMsPerCall(), r.checkInH2() == null ? "–"
                    : String.format(Locale.ROOT, "%.3f / %.3f ms", r.checkInH2().latencies().medianMs(),
                    r.checkInH2().latencies().p99Ms()), inserts(r), r.fullPassSeconds(),
                    r.fullPassCpuSeconds(), r.stacks(), r.links(), r.rebuildSeconds(), r.fromLinksSeconds(),
                    r.linkedPhotos(), r.load());
        }
        out.flush();
    }

    private static String inserts(Result r) {
        if (r.insertLinked() == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f / %.2f ms, %.2f / %.2f ms", r.insertLinked().latencies().medianMs(),
                r.insertLinked().latencies().p99Ms(), r.insertUnlinked().latencies().medianMs(),
                r.insertUnlinked().latencies().p99Ms());
    }
}
