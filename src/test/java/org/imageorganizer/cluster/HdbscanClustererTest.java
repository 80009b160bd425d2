package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HdbscanClustererTest {
    /** 4 blobs x 60 points + 10 outliers in 32-d. */
    private static final SyntheticBlobs BLOBS = SyntheticBlobs.generate(7, 4, 60, 10, 32, 0.05);

    private final HdbscanClusterer clusterer = new HdbscanClusterer(ClusterSettings.defaults());

    @Test
    void recoversGaussianBlobsAndMarksOutliersAsNoise() {
        int[] labels = clusterer.cluster(BLOBS.vectors());

        int blobPoints = BLOBS.blobPoints();
        double ari = AdjustedRandIndex.of(Arrays.copyOf(BLOBS.truth(), blobPoints), Arrays.copyOf(labels, blobPoints));
        System.out.printf("HDBSCAN* ARI on blob points: %.4f%n", ari);
        assertThat(ari).isGreaterThan(0.9);
        assertThat(labels).hasSize(BLOBS.vectors().length);
        assertThat(Arrays.stream(labels).max().orElseThrow()).isEqualTo(3);
        long outliersAsNoise = Arrays.stream(labels, blobPoints, labels.length).filter(l -> l == -1).count();
        assertThat(outliersAsNoise).isGreaterThanOrEqualTo(8);
    }

    @Test
    void labelsAreNumberedByLowestInputIndex() {
        int[] labels = clusterer.cluster(BLOBS.vectors());
        int expectedNext = 0;
        boolean[] seen = new boolean[10];
        for (int label : labels) {
            if (label >= 0 && !seen[label]) {
                assertThat(label).isEqualTo(expectedNext++);
                seen[label] = true;
            }
        }
    }

    @Test
    void isDeterministicAcrossRunsAndInstances() {
        int[] first = clusterer.cluster(BLOBS.vectors());
        int[] second = clusterer.cluster(BLOBS.vectors());
        int[] third = new HdbscanClusterer(5, 5).cluster(BLOBS.vectors());
        assertThat(second).containsExactly(first);
        assertThat(third).containsExactly(first);
    }

    @Test
    void labelsFollowTheirVectorsWhenTheInputIsPermuted() {
        float[][] vectors = BLOBS.vectors();
        int n = vectors.length;
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Random random = new Random(3);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[][] shuffled = new float[n][];
        for (int i = 0; i < n; i++) {
            shuffled[i] = vectors[order[i]];
        }
        int[] original = clusterer.cluster(vectors);
        int[] permuted = clusterer.cluster(shuffled);
        int[] mappedBack = new int[n];
        for (int i = 0; i < n; i++) {
            mappedBack[order[i]] = permuted[i];
        }
        // Same partition (names may differ because numbering follows input order); noise stays noise.
        assertThat(AdjustedRandIndex.of(original, mappedBack)).isEqualTo(1.0);
        for (int i = 0; i < n; i++) {
            assertThat(mappedBack[i] == -1).isEqualTo(original[i] == -1);
        }
    }

    @Test
    void emptyInputGivesEmptyLabels() {
        assertThat(clusterer.cluster(new float[0][])).isEmpty();
    }

    @Test
    void fewerVectorsThanMinClusterSizeAreOneCluster() {
        float[][] four = Arrays.copyOf(BLOBS.vectors(), 4);
        assertThat(clusterer.cluster(four)).containsExactly(0, 0, 0, 0);
        assertThat(clusterer.cluster(new float[][] {{1f, 0f}})).containsExactly(0);
    }

    @Test
    void identicalVectorsAreOneCluster() {
        float[][] same = new float[30][];
        Arrays.fill(same, BLOBS.vectors()[0]);
        assertThat(clusterer.cluster(same)).containsOnly(0).hasSize(30);
    }

    @Test
    void exactDuplicatesInsideLargerInputDoNotBreakIt() {
        float[][] withDuplicates = Arrays.copyOf(BLOBS.vectors(), BLOBS.vectors().length + 30);
        for (int i = 0; i < 30; i++) {
            withDuplicates[BLOBS.vectors().length + i] = BLOBS.vectors()[i % 3];
        }
        int[] labels = clusterer.cluster(withDuplicates);
        assertThat(labels).hasSize(withDuplicates.length);
        assertThat(Arrays.stream(labels).min().orElseThrow()).isGreaterThanOrEqualTo(-1);
        // a duplicate is never noise when its original is in a cluster of copies
        assertThat(labels[BLOBS.vectors().length]).isEqualTo(labels[0]);
    }

    @Test
    void rejectsMixedDimensions() {
        assertThatThrownBy(() -> clusterer.cluster(new float[][] {{1f, 0f}, {1f, 0f, 0f}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
    }

    @Test
    void describesItsParameters() {
        assertThat(clusterer.describe()).isEqualTo("hdbscan(minClusterSize=5, minSamples=5)");
    }
}
