package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargeGroupHdbscanTest {
    private final HdbscanClusterer exact = new HdbscanClusterer(5, 5);

    @Test
    void smallGroupsRunExactly() {
        SyntheticBlobs blobs = SyntheticBlobs.generate(3, 3, 40, 5, 64, 0.05);
        LargeGroupHdbscan large = new LargeGroupHdbscan(exact, 5, 500, 16, 1000);
        assertThat(large.cluster(blobs.vectors())).containsExactly(exact.cluster(blobs.vectors()));
    }

    @Test
    void projectedGroupsKeepTheClustersOfExactHdbscan() {
        SyntheticBlobs blobs = SyntheticBlobs.generate(11, 6, 150, 0, 256, 0.05);
        int[] reference = exact.cluster(blobs.vectors());
        int[] projected = new LargeGroupHdbscan(exact, 5, 100, 16, 5000).cluster(blobs.vectors());
        assertThat(AdjustedRandIndex.of(reference, projected)).isGreaterThan(0.95);
        assertThat(AdjustedRandIndex.of(blobs.truth(), projected)).isGreaterThan(0.95);
    }

    @Test
    void sampledGroupsFindTheBlobsAndLabelEveryImage() {
        SyntheticBlobs blobs = SyntheticBlobs.generate(5, 4, 500, 0, 128, 0.05);
        int[] labels = new LargeGroupHdbscan(exact, 5, 100, 16, 400).cluster(blobs.vectors());
        assertThat(labels).hasSize(2000);
        assertThat(AdjustedRandIndex.of(blobs.truth(), labels)).isGreaterThan(0.9);
    }

    @Test
    void theResultDependsOnlyOnTheInput() {
        SyntheticBlobs blobs = SyntheticBlobs.generate(8, 4, 300, 20, 128, 0.06);
        LargeGroupHdbscan large = new LargeGroupHdbscan(exact, 5, 100, 16, 500);
        int[] first = large.cluster(blobs.vectors());
        int[] second = new LargeGroupHdbscan(new HdbscanClusterer(5, 5), 5, 100, 16, 500).cluster(blobs.vectors());
        assertThat(first).containsExactly(second);
        assertThat(large.describe()).contains("pca=16").contains("sample≤500");
    }

    @Test
    void parallelGroupsRunEveryTaskOnceLargestFirstAndPassOnFailures() {
        List<Integer> sizes = Arrays.asList(3, 50, 7, 20);
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        ParallelGroups.forEach(sizes, s -> s, 1, done::add);
        assertThat(done).containsExactly(50, 20, 7, 3);
        done.clear();
        ParallelGroups.forEach(sizes, s -> s, 3, done::add);
        assertThat(done).containsExactlyInAnyOrder(3, 50, 7, 20);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParallelGroups.forEach(sizes, s -> s, 2, s -> {
            if (s == 7) {
                throw new IllegalStateException("boom " + s);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom 7");
    }
}
