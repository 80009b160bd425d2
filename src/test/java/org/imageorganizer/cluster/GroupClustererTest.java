package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.SubCluster;
import org.junit.jupiter.api.Test;

class GroupClustererTest {
    private static final ClusterSettings SETTINGS = ClusterSettings.defaults();

    private static List<EmbeddedImage> images(SyntheticBlobs blobs, long firstId) {
        List<EmbeddedImage> images = new ArrayList<>();
        for (int i = 0; i < blobs.vectors().length; i++) {
            images.add(new EmbeddedImage(firstId + i, "dog", "grass", blobs.vectors()[i]));
        }
        return images;
    }

    @Test
    void hdbscanGroupKeepsEveryImageExactlyOnceWithNoiseLast() {
        SyntheticBlobs blobs = SyntheticBlobs.generate(7, 4, 60, 10, 32, 0.05);
        List<EmbeddedImage> input = images(blobs, 1000);
        Collections.shuffle(input, new Random(5));

        List<SubCluster> clusters = new GroupClusterer(new HdbscanClusterer(SETTINGS), SETTINGS).clusterGroup(input);

        List<Long> all = clusters.stream().flatMap(c -> c.imageIds().stream()).sorted().toList();
        assertThat(all).hasSize(250).doesNotHaveDuplicates();
        assertThat(all).containsExactlyElementsOf(input.stream().map(EmbeddedImage::id).sorted().toList());
        assertThat(clusters).extracting(SubCluster::clusterId).containsExactly(0, 1, 2, 3, SubCluster.NOISE_ID);
        assertThat(clusters.get(4).noise()).isTrue();
        assertThat(clusters.subList(0, 4)).noneMatch(SubCluster::noise);
        clusters.forEach(c -> assertThat(c.imageIds()).isSorted());
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        SyntheticBlobs blobs = SyntheticBlobs.generate(7, 4, 60, 10, 32, 0.05);
        List<EmbeddedImage> input = images(blobs, 1);
        GroupClusterer groups = new GroupClusterer(new HdbscanClusterer(SETTINGS), SETTINGS);
        List<SubCluster> ordered = groups.clusterGroup(input);
        List<EmbeddedImage> reversed = new ArrayList<>(input);
        Collections.reverse(reversed);
        assertThat(groups.clusterGroup(reversed)).isEqualTo(ordered);
    }

    @Test
    void smallGroupIsReturnedWholeWithoutClustering() {
        AtomicInteger calls = new AtomicInteger();
        Clusterer spy = new FixedLabels(calls, new int[0]);
        List<EmbeddedImage> nine = images(SyntheticBlobs.generate(1, 1, 9, 0, 8, 0.1), 50);
        Collections.reverse(nine);

        List<SubCluster> clusters = new GroupClusterer(spy, SETTINGS).clusterGroup(nine);

        assertThat(clusters).containsExactly(new SubCluster(0, false, List.of(50L, 51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L)));
        assertThat(calls).hasValue(0);
    }

    @Test
    void emptyGroupGivesNoClusters() {
        assertThat(new GroupClusterer(new HdbscanClusterer(SETTINGS), SETTINGS).clusterGroup(List.of())).isEmpty();
    }

    @Test
    void ordersClustersByIdAndPutsNoiseLastOnlyWhenPresent() {
        List<EmbeddedImage> input = images(SyntheticBlobs.generate(1, 1, 6, 0, 4, 0.1), 10);
        ClusterSettings settings = SETTINGS.withMinGroupSize(1);

        List<SubCluster> withNoise = new GroupClusterer(
                new FixedLabels(new AtomicInteger(), new int[] {-1, 1, 0, 1, -1, 0}), settings).clusterGroup(input);
        assertThat(withNoise).containsExactly(
                new SubCluster(0, false, List.of(12L, 15L)),
                new SubCluster(1, false, List.of(11L, 13L)),
                new SubCluster(SubCluster.NOISE_ID, true, List.of(10L, 14L)));

        List<SubCluster> withoutNoise = new GroupClusterer(
                new FixedLabels(new AtomicInteger(), new int[] {0, 0, 0, 1, 1, 1}), settings).clusterGroup(input);
        assertThat(withoutNoise).extracting(SubCluster::clusterId).containsExactly(0, 1);
    }

    @Test
    void rejectsDuplicateIdsAndBrokenClusterers() {
        float[] v = {1f, 0f};
        List<EmbeddedImage> dup = List.of(new EmbeddedImage(1, "a", "b", v), new EmbeddedImage(1, "a", "b", v));
        assertThatThrownBy(() -> new GroupClusterer(new HdbscanClusterer(SETTINGS), SETTINGS).clusterGroup(dup))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id 1");

        List<EmbeddedImage> two = List.of(new EmbeddedImage(1, "a", "b", v), new EmbeddedImage(2, "a", "b", v));
        GroupClusterer broken = new GroupClusterer(new FixedLabels(new AtomicInteger(), new int[] {0}),
                SETTINGS.withMinGroupSize(1));
        assertThatThrownBy(() -> broken.clusterGroup(two)).isInstanceOf(IllegalStateException.class);
    }

    /** A clusterer stub returning fixed labels and counting its calls. */
    private record FixedLabels(AtomicInteger calls, int[] labels) implements Clusterer {
        @Override
        public int[] cluster(float[][] vectors) {
            calls.incrementAndGet();
            return labels.clone();
        }

        @Override
        public String describe() {
            return "fixed";
        }
    }
}
