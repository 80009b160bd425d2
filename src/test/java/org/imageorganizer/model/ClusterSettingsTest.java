package org.imageorganizer.model;



import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterSettingsTest {
    @Test
    void defaults() {
        ClusterSettings d = ClusterSettings.defaults();
        assertThat(d).isEqualTo(new ClusterSettings(ClusterAlgorithm.HDBSCAN, 5, 5, 0, 10, 42L));
    }

    @Test
    void validatesWithClearMessages() {
        assertThatThrownBy(() -> new ClusterSettings(ClusterAlgorithm.HDBSCAN, 1, 5, 0, 10, 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minClusterSize must be at least 2, got 1");
        assertThatThrownBy(() -> new ClusterSettings(ClusterAlgorithm.HDBSCAN, 5, 0, 0, 10, 42))
                .hasMessage("minSamples must be at least 1, got 0");
        assertThatThrownBy(() -> new ClusterSettings(ClusterAlgorithm.KMEANS, 5, 5, -1, 10, 42))
                .hasMessage("k must be 0 (choose automatically) or positive, got -1");
        assertThatThrownBy(() -> new ClusterSettings(ClusterAlgorithm.KMEANS, 5, 5, 0, 0, 42))
                .hasMessage("minGroupSize must be at least 1, got 0");
        assertThatThrownBy(() -> new ClusterSettings(null, 5, 5, 0, 10, 42))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("algorithm");
    }

    @Test
    void withersChangeOneField() {
        ClusterSettings s = ClusterSettings.defaults().withAlgorithm(ClusterAlgorithm.KMEANS).withK(4).withMinGroupSize(3);
        assertThat(s).isEqualTo(new ClusterSettings(ClusterAlgorithm.KMEANS, 5, 5, 4, 3, 42L));
    }

    @Test
    void parsesAlgorithmNamesLeniently() {
        assertThat(ClusterAlgorithm.parse("hdbscan")).isEqualTo(ClusterAlgorithm.HDBSCAN);
        assertThat(ClusterAlgorithm.parse(" HDBSCAN* ")).isEqualTo(ClusterAlgorithm.HDBSCAN);
        assertThat(ClusterAlgorithm.parse("k-means")).isEqualTo(ClusterAlgorithm.KMEANS);
        assertThat(ClusterAlgorithm.parse("K_Means")).isEqualTo(ClusterAlgorithm.KMEANS);
    }

    @Test
    void unknownAlgorithmNameListsTheValidOnes() {
        assertThatThrownBy(() -> ClusterAlgorithm.parse("dbscan"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown clustering algorithm 'dbscan'; valid names are: hdbscan, kmeans");
        assertThatThrownBy(() -> ClusterAlgorithm.parse(null)).hasMessageContaining("valid names are: hdbscan, kmeans");
    }
}
