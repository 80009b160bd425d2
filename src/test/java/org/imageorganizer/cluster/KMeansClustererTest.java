package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KMeansClustererTest {
    /** 3 well-separated blobs x 50 points in 32-d, no outliers. */
    private static final SyntheticBlobs BLOBS = SyntheticBlobs.generate(11, 3, 50, 0, 32, 0.05);

    @Test
    void givenKRecoversBlobs() {
        int[] labels = new KMeansClusterer(3, 5, 42).cluster(BLOBS.vectors());
        double ari = AdjustedRandIndex.of(BLOBS.truth(), labels);
        System.out.printf("k-means (k=3) ARI: %.4f%n", ari);
        assertThat(ari).isGreaterThan(0.9);
        assertThat(labels).containsOnly(0, 1, 2);
        assertThat(labels[0]).isZero();
    }

    @Test
    void automaticKFindsThreeBlobs() {
        int[] labels = new KMeansClusterer(0, 5, 42).cluster(BLOBS.vectors());
        double ari = AdjustedRandIndex.of(BLOBS.truth(), labels);
        int found = Arrays.stream(labels).max().orElseThrow() + 1;
        System.out.printf("x-means (auto k) found k=%d, ARI: %.4f%n", found, ari);
        assertThat(ari).isGreaterThan(0.9);
        assertThat(found).isEqualTo(3);
    }

    @Test
    void isDeterministicForAGivenSeed() {
        for (int k : new int[] {0, 3, 5}) {
            int[] first = new KMeansClusterer(k, 5, 42).cluster(BLOBS.vectors());
            int[] second = new KMeansClusterer(k, 5, 42).cluster(BLOBS.vectors());
            assertThat(second).as("k=%d", k).containsExactly(first);
        }
    }

    @Test
    void kLargerThanTheInputIsClamped() {
        float[][] four = Arrays.copyOf(BLOBS.vectors(), 4);
        int[] labels = new KMeansClusterer(10, 5, 42).cluster(four);
        assertThat(labels).hasSize(4);
        assertThat(Arrays.stream(labels).allMatch(l -> l >= 0 && l < 4)).isTrue();
    }

    @Test
    void identicalVectorsAndEmptyInputDoNotCrash() {
        float[][] same = new float[20][];
        Arrays.fill(same, BLOBS.vectors()[0]);
        assertThat(new KMeansClusterer(3, 5, 42).cluster(same)).containsOnly(0).hasSize(20);
        assertThat(new KMeansClusterer(0, 5, 42).cluster(same)).containsOnly(0).hasSize(20);
        assertThat(new KMeansClusterer(0, 5, 42).cluster(new float[0][])).isEmpty();
    }

    @Test
    void twoDistinctVectorsWithManyCopiesGiveTwoClusters() {
        float[][] two = new float[12][];
        for (int i = 0; i < two.length; i++) {
            two[i] = BLOBS.vectors()[i % 2 == 0 ? 0 : 149];
        }
        assertThat(new KMeansClusterer(5, 5, 42).cluster(two)).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
        assertThat(new KMeansClusterer(0, 5, 42).cluster(two)).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
    }

    @Test
    void describesItsParameters() {
        assertThat(new KMeansClusterer(3, 5, 7).describe()).isEqualTo("kmeans(k=3, seed=7)");
        assertThat(new KMeansClusterer(0, 5, 7).describe()).isEqualTo("kmeans(k=auto[x-means, BIC], seed=7)");
    }
}
