package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {
    @Test
    void identicalPartitionsUpToRenamingScoreOne() {
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, -1})).isEqualTo(1.0);
    }

    @Test
    void knownValue() {
        // sklearn.metrics.adjusted_rand_score([0,0,1,1], [0,0,1,2]) == 0.5714285714285715
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2})).isCloseTo(0.5714285714, within(1e-9));
    }

    @Test
    void independentPartitionsScoreAboutZero() {
        // sklearn: adjusted_rand_score([0,0,1,1], [0,1,0,1]) == -0.5
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isCloseTo(-0.5, within(1e-9));
    }
}
