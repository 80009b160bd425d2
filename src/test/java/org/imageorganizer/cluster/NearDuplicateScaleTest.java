package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.imageorganizer.bench.SyntheticHashes;
import org.imageorganizer.model.PerceptualHash;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The near-duplicate search at library scale on synthetic hashes ({@link SyntheticHashes}): the index answers as
 * comparing with every photo does, and the full pass finds the planted copies. Prints the timings docs/decisions/0033
 * quotes (never asserted: the machine is shared).
 */
@Tag("slow")
class NearDuplicateScaleTest {
    private static final int LIBRARY = 100_000;

    @Test
    void incrementalChecksAt100kAnswerAsComparingWithEveryPhoto() {
        SyntheticHashes hashes = new SyntheticHashes(100);
        PerceptualHash[] library = hashes.library(LIBRARY, 0.1);
        long start = System.nanoTime();
        NearDuplicateIndex index = new NearDuplicateIndex();
        for (int i = 0; i < library.length; i++) {
            index.add(i, library[i]);
        }
        long built = System.nanoTime() - start;
        int queries = 2000;
        long[] times = new long[queries];
        long[] cpu = new long[queries];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int checked = 0;
        for (int warm = 0; warm < 1000; warm++) {
            index.matches(hashes.photo(), DuplicateThresholds.DEFAULT_HASH_DISTANCE);
        }
        for (int q = 0; q < queries; q++) {
            PerceptualHash query = q % 2 == 0 ? hashes.variant(library[hashes.nextInt(LIBRARY)], q % 9).rotated(q % 4)
                    : hashes.photo();
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            List<NearDuplicateIndex.Match> found = index.matches(query, DuplicateThresholds.DEFAULT_HASH_DISTANCE);
            times[q] = System.nanoTime() - t;
            cpu[q] = threads.getCurrentThreadCpuTime() - c;
            if (q % 20 == 0) {
                assertThat(found.stream().map(NearDuplicateIndex.Match::id).toList())
                        .isEqualTo(everyPhoto(library, query));
                checked++;
            }
            if (q % 2 == 0) {
                assertThat(found).isNotEmpty();
            }
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf("near-duplicate index: %d photos added in %d ms; a check: median %.3f ms, p99 %.3f ms,"
                + " max %.3f ms; CPU median %.3f ms, p99 %.3f ms (%d checked against every photo)%n", LIBRARY,
                built / 1_000_000, times[queries / 2] / 1e6, times[queries * 99 / 100] / 1e6, times[queries - 1] / 1e6,
                cpu[queries / 2] / 1e6, cpu[queries * 99 / 100] / 1e6, checked);
    }

    private static List<Long> everyPhoto(PerceptualHash[] library, PerceptualHash query) {
        List<long[]> found = new ArrayList<>();
        for (int i = 0; i < library.length; i++) {
            int d = library[i].rotationAwareDistance(query) >> 2;
            if (d <= DuplicateThresholds.DEFAULT_HASH_DISTANCE) {
                found.add(new long[] {d, i});
            }
        }
        found.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        return found.stream().map(f -> f[1]).toList();
    }

    @Test
    void fullPassesAt10kAnd100kFindThePlantedCopies() {
        fullPass(10_000, false);
        long unrelated = fullPass(LIBRARY, false);
        // by chance alone, thousands of unrelated pairs at 100k: the veto is what removes them
        assertThat(unrelated).isGreaterThan(100);
        assertThat(fullPass(LIBRARY, true)).isLessThan(unrelated / 20);
    }

    /**
     * One full pass over {@code size} synthetic photos, 10% copies of earlier ones; with {@code veto}, every photo
     * has an embedding (random per original, copies within cosine 0.95 of it) and the veto is at 0.9.
     *
     * @return the pairs of unrelated photos stacked together
     */
    private static long fullPass(int size, boolean veto) {
        SyntheticHashes hashes = new SyntheticHashes(size);
        int[] source = new int[size];
        PerceptualHash[] library = hashes.library(size, 0.1, source);
        int[] root = new int[size];
        float[][] embeddings = new float[size][];
        SplittableRandom random = new SplittableRandom(size);
        List<DuplicateCandidate> photos = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            root[i] = source[i] < 0 ? i : root[source[i]];
            if (veto) {
                embeddings[i] = source[i] < 0 ? SyntheticHashes.unitVector(random, null, 0, 64)
                        : SyntheticHashes.unitVector(random, embeddings[root[i]], 0.2, 64);
            }
            photos.add(new DuplicateCandidate(i, "sha" + i, library[i], embeddings[i], 400, 300, "jpeg", 1000,
                    Instant.EPOCH.plusSeconds(i)));
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<DuplicateStack> stacks = new NearDuplicateFinder(DuplicateThresholds.withVeto(veto ? 0.9 : -1))
                .stacks(photos);
        long took = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuStart;
        int[] stackOf = new int[size];
        Arrays.fill(stackOf, -1);
        long pairs = 0;
        long unrelated = 0; // pairs of photos that are not copies of one photo: chance matches of the hash
        for (int s = 0; s < stacks.size(); s++) {
            List<Long> ids = stacks.get(s).ids();
            pairs += (long) ids.size() * (ids.size() - 1) / 2;
            for (int a = 0; a < ids.size(); a++) {
                stackOf[(int) (long) ids.get(a)] = s;
                for (int b = a + 1; b < ids.size(); b++) {
                    unrelated += root[(int) (long) ids.get(a)] != root[(int) (long) ids.get(b)] ? 1 : 0;
                }
            }
        }
        int planted = 0;
        int together = 0;
        for (int i = 0; i < size; i++) {
            if (source[i] >= 0) {
                planted++;
                together += stackOf[i] >= 0 && stackOf[i] == stackOf[source[i]] ? 1 : 0;
            }
        }
        System.out.printf("near-duplicate full pass: %d photos in %d ms, %d ms of CPU (%s); %d stacks, %d pairs, %d of"
                + " them of unrelated photos; %d of %d planted copies with their original%n", size, took / 1_000_000,
                cpu / 1_000_000, veto ? "veto at 0.9" : "no veto", stacks.size(), pairs, unrelated, together,
                planted);
        // a copy of a copy can be too far from the rest of its original's stack: the diameter refuses it
        assertThat(together).isGreaterThan(planted * 9 / 10);
        return unrelated;
    }

    /** A random unit vector in 64 dimensions, or {@code near} plus noise of norm about {@code noise}, normalised. */
}
