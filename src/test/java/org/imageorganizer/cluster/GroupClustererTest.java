package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
            images.add(image(firstId + i, blobs.vectors()[i]));
        }
        return images;
    }

    /** An image whose content hash sorts as its id does. */
    private static EmbeddedImage image(long id, float[] embedding) {
        return new EmbeddedImage(id, String.format("%064x", id), "dog", "grass", embedding);
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

        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0)).isEqualTo(new SubCluster(0, List.of(50L, 51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L),
                clusters.get(0).coverImageId()));
        assertThat(clusters.get(0).coverImageId()).isBetween(50L, 58L);
        assertThat(calls).hasValue(0);
    }

    @Test
    void emptyGroupGivesNoClusters() {
        assertThat(new GroupClusterer(new HdbscanClusterer(SETTINGS), SETTINGS).clusterGroup(List.of())).isEmpty();
    }

    @Test
    void numbersClustersBySizeThenSmallestHashAndPutsNoiseLastOnlyWhenPresent() {
        List<EmbeddedImage> input = images(SyntheticBlobs.generate(1, 1, 6, 0, 4, 0.1), 10);
        ClusterSettings settings = SETTINGS.withMinGroupSize(1);

        List<SubCluster> withNoise = new GroupClusterer(
                new FixedLabels(new AtomicInteger(), new int[] {-1, 1, 0, 1, -1, 0}), settings).clusterGroup(input);
        // two clusters of two: the one holding the smallest hash (11) comes first
        assertThat(withNoise).extracting(SubCluster::clusterId, SubCluster::imageIds).containsExactly(
                tuple(0, List.of(11L, 13L)),
                tuple(1, List.of(12L, 15L)),
                tuple(SubCluster.NOISE_ID, List.of(10L, 14L)));
        assertThat(withNoise.get(2).noise()).isTrue();

        List<SubCluster> bySize = new GroupClusterer(
                new FixedLabels(new AtomicInteger(), new int[] {0, 1, 1, 1, -1, 0}), settings).clusterGroup(input);
        assertThat(bySize).extracting(SubCluster::clusterId, SubCluster::imageIds).containsExactly(
                tuple(0, List.of(11L, 12L, 13L)),
                tuple(1, List.of(10L, 15L)),
                tuple(SubCluster.NOISE_ID, List.of(14L)));

        List<SubCluster> withoutNoise = new GroupClusterer(
                new FixedLabels(new AtomicInteger(), new int[] {0, 0, 0, 1, 1, 1}), settings).clusterGroup(input);
        assertThat(withoutNoise).extracting(SubCluster::clusterId).containsExactly(0, 1);
    }

    @Test
    void rejectsDuplicateIdsAndBrokenClusterers() {
        float[] v = {1f, 0f};
        List<EmbeddedImage> dup = List.of(image(1, v), new EmbeddedImage(1, "0".repeat(63) + "2", "a", "b", v));
        assertThatThrownBy(() -> new GroupClusterer(new HdbscanClusterer(SETTINGS), SETTINGS).clusterGroup(dup))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id 1");

        List<EmbeddedImage> two = List.of(image(1, v), image(2, v));
        GroupClusterer broken = new GroupClusterer(new FixedLabels(new AtomicInteger(), new int[] {0}),
                SETTINGS.withMinGroupSize(1));
        assertThatThrownBy(() -> broken.clusterGroup(two)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSamePhotosImportedInAnotherOrderGiveTheSameNumberedClusters() {
        // the photos are the vectors with their content hashes; an import order gives them their ids
        SyntheticBlobs exactBlobs = SyntheticBlobs.generate(7, 4, 60, 10, 32, 0.05);
        SyntheticBlobs largeBlobs = SyntheticBlobs.generate(8, 4, 300, 20, 128, 0.06);
        GroupClusterer exact = new GroupClusterer(new HdbscanClusterer(SETTINGS), SETTINGS);
        // sampled: 1,220 photos, a sample of 500 (its members depend on the order the clusterer gets them in)
        GroupClusterer sampled = new GroupClusterer(new LargeGroupHdbscan(new HdbscanClusterer(5, 5), 5, 100, 16, 500),
                SETTINGS);
        for (var run : List.of(java.util.Map.entry(exact, exactBlobs), java.util.Map.entry(sampled, largeBlobs))) {
            float[][] vectors = run.getValue().vectors();
            String[] hashes = randomHashes(vectors.length, new Random(3));
            List<List<Object>> first = byContent(run.getKey(), vectors, hashes, new Random(1));
            List<List<Object>> second = byContent(run.getKey(), vectors, hashes, new Random(2));
            assertThat(first.size()).isGreaterThan(3);
            assertThat(second).isEqualTo(first);
        }
    }

    /** Clusters the photos imported in a random order: each cluster as its number, its photos' hashes and its cover's. */
    private static List<List<Object>> byContent(GroupClusterer clusterer, float[][] vectors, String[] hashes, Random order) {
        List<Integer> photos = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            photos.add(i);
        }
        Collections.shuffle(photos, order);
        List<EmbeddedImage> imported = new ArrayList<>();
        for (int id = 0; id < photos.size(); id++) {
            int photo = photos.get(id);
            imported.add(new EmbeddedImage(id + 1, hashes[photo], "dog", "grass", vectors[photo]));
        }
        java.util.Map<Long, String> hashOf = new java.util.HashMap<>();
        imported.forEach(i -> hashOf.put(i.id(), i.sha256()));
        return clusterer.clusterGroup(imported).stream()
                .map(c -> List.<Object>of(c.clusterId(), c.imageIds().stream().map(hashOf::get).sorted().toList(),
                        String.valueOf(hashOf.get(c.coverImageId()))))
                .toList();
    }

    private static String[] randomHashes(int count, Random random) {
        String[] hashes = new String[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(),
                    random.nextLong());
        }
        return hashes;
    }

    @Test
    void theCoverIsThePhotoNearestTheClustersCentre() {
        // unit vectors at -40, -10, 5 and 45 degrees: their mean points at about 0 degrees, nearest to 5 (id 3)
        List<EmbeddedImage> input = new ArrayList<>();
        double[] degrees = {-40, -10, 5, 45};
        for (int i = 0; i < degrees.length; i++) {
            double r = Math.toRadians(degrees[i]);
            input.add(image(i + 1, new float[] {(float) Math.cos(r), (float) Math.sin(r)}));
        }
        List<SubCluster> clusters = new GroupClusterer(new FixedLabels(new AtomicInteger(), new int[] {0, 0, 0, 0}),
                SETTINGS.withMinGroupSize(1)).clusterGroup(input);
        assertThat(clusters).singleElement().extracting(SubCluster::coverImageId).isEqualTo(3L);
        // a vector twice as long points the same way: the cover depends on directions only
        input.set(0, image(1, new float[] {(float) (2 * Math.cos(Math.toRadians(-40))), (float) (2 * Math.sin(Math.toRadians(-40)))}));
        assertThat(GroupClusterer.cover(input)).isEqualTo(3L);
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
