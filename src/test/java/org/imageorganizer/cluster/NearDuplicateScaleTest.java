package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        int checked = 0;
        for (int warm = 0; warm < 1000; warm++) {
            index.matches(hashes.photo(), DuplicateThresholds.DEFAULT_HASH_DISTANCE);
        }
        for (int q = 0; q < queries; q++) {
            PerceptualHash query = q % 2 == 0 ? hashes.variant(library[hashes.nextInt(LIBRARY)], q % 9) : hashes.photo();
            long t = System.nanoTime();
            List<NearDuplicateIndex.Match> found = index.matches(query, DuplicateThresholds.DEFAULT_HASH_DISTANCE);
            times[q] = System.nanoTime() - t;
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
        System.out.printf("near-duplicate index: %d photos added in %d ms; a check: median %.3f ms, p99 %.3f ms,"
                + " max %.3f ms (%d checked against every photo)%n", LIBRARY, built / 1_000_000, times[queries / 2] / 1e6,
                times[queries * 99 / 100] / 1e6, times[queries - 1] / 1e6, checked);
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
        for (int size : new int[] {10_000, LIBRARY}) {
            SyntheticHashes hashes = new SyntheticHashes(size);
            int[] source = new int[size];
            PerceptualHash[] library = hashes.library(size, 0.1, source);
            List<DuplicateCandidate> photos = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                photos.add(new DuplicateCandidate(i, "sha" + i, library[i], null, 400, 300, "jpeg", 1000,
                        Instant.EPOCH.plusSeconds(i)));
            }
            long start = System.nanoTime();
            List<DuplicateStack> stacks = new NearDuplicateFinder(DuplicateThresholds.withVeto(-1)).stacks(photos);
            long took = System.nanoTime() - start;
            int[] stackOf = new int[size];
            Arrays.fill(stackOf, -1);
            long pairs = 0;
            for (int s = 0; s < stacks.size(); s++) {
                pairs += (long) stacks.get(s).size() * (stacks.get(s).size() - 1) / 2;
                for (long id : stacks.get(s).ids()) {
                    stackOf[(int) id] = s;
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
            System.out.printf("near-duplicate full pass: %d photos in %d ms; %d stacks, %d pairs; %d of %d planted"
                    + " copies with their original%n", size, took / 1_000_000, stacks.size(), pairs, together, planted);
            // a copy of a copy can be too far from the rest of its original's stack: the diameter refuses it
            assertThat(together).isGreaterThan(planted * 9 / 10);
        }
    }
}
