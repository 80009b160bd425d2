package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import org.imageorganizer.model.ClusterAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClustererFactoryTest {
    @Test
    void createsTheConfiguredAlgorithm() {
        ClusterSettings hdbscan = ClusterSettings.defaults();
        assertThat(ClustererFactory.create(hdbscan)).isInstanceOf(LargeGroupHdbscan.class)
                .extracting(Clusterer::describe)
                .isEqualTo("hdbscan(minClusterSize=5, minSamples=5, exact≤500, pca=32, sample≤6000)");
        assertThat(ClustererFactory.create(hdbscan.withAlgorithm(ClusterAlgorithm.KMEANS).withK(3)))
                .isInstanceOf(KMeansClusterer.class)
                .extracting(Clusterer::describe).isEqualTo("kmeans(k=3, seed=42)");
    }
}
