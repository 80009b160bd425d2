package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.LongStream;
import org.imageorganizer.model.SubCluster;
import org.junit.jupiter.api.Test;

/** A recomputed group's clusters take the numbers of the old ones they overlap (Jaccard ≥ 0.5), greedily. */
class ClusterMatchingTest {

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static SubCluster cluster(int id, List<Long> ids) {
        return new SubCluster(id, false, ids);
    }

    private static SubCluster noise(List<Long> ids) {
        return new SubCluster(SubCluster.NOISE_ID, true, ids);
    }

    @Test
    void aFirstClusteringKeepsItsCanonicalNumbers() {
        ClusterMatching.Result result = ClusterMatching.match(List.of(),
                List.of(cluster(0, ids(1, 5)), cluster(1, ids(6, 8)), noise(List.of(9L))), 0);
        assertThat(result.clusters()).extracting(SubCluster::clusterId, SubCluster::imageIds)
                .containsExactly(tuple(0, ids(1, 5)), tuple(1, ids(6, 8)), tuple(SubCluster.NOISE_ID, List.of(9L)));
        assertThat(result.nextClusterId()).isEqualTo(2);
    }

    @Test
    void clustersKeepTheNumbersOfTheOldOnesTheyOverlap() {
        // the second cluster grew past the first: canonically it would now be 0
        List<SubCluster> old = List.of(cluster(0, ids(1, 10)), cluster(1, ids(11, 18)));
        List<SubCluster> fresh = List.of(cluster(0, ids(11, 22)), cluster(1, ids(1, 10)));
        ClusterMatching.Result result = ClusterMatching.match(old, fresh, 2);
        assertThat(result.clusters()).extracting(SubCluster::clusterId, SubCluster::imageIds)
                .containsExactly(tuple(0, ids(1, 10)), tuple(1, ids(11, 22)));
        assertThat(result.nextClusterId()).isEqualTo(2);
    }

    @Test
    void aSplitKeepsTheNumberForTheLargerPartAndTheOtherTakesTheNextFreeNumber() {
        List<SubCluster> old = List.of(cluster(0, ids(1, 10)), cluster(1, ids(11, 15)));
        // 1..6 has Jaccard 0.6 with the old cluster 0, 7..10 only 0.4
        List<SubCluster> fresh = List.of(cluster(0, ids(1, 6)), cluster(1, ids(11, 15)), cluster(2, ids(7, 10)));
        ClusterMatching.Result result = ClusterMatching.match(old, fresh, 2);
        assertThat(result.clusters()).extracting(SubCluster::clusterId, SubCluster::imageIds)
                .containsExactly(tuple(0, ids(1, 6)), tuple(1, ids(11, 15)), tuple(2, ids(7, 10)));
        assertThat(result.nextClusterId()).isEqualTo(3);
    }

    @Test
    void anEvenSplitGivesTheOldNumberOnceToTheFirstInCanonicalOrder() {
        List<SubCluster> old = List.of(cluster(0, ids(1, 8)));
        List<SubCluster> fresh = List.of(cluster(0, ids(5, 8)), cluster(1, ids(1, 4)));
        ClusterMatching.Result result = ClusterMatching.match(old, fresh, 1);
        assertThat(result.clusters()).extracting(SubCluster::clusterId, SubCluster::imageIds)
                .containsExactly(tuple(0, ids(5, 8)), tuple(1, ids(1, 4)));
    }

    @Test
    void aMergeTakesTheNumberItOverlapsMostAndTheOtherNumberIsNotGivenAgain() {
        List<SubCluster> old = List.of(cluster(0, ids(1, 4)), cluster(1, ids(5, 10)), cluster(2, ids(20, 25)));
        // 1..10 overlaps 0 with 0.4 and 1 with 0.6; then a new cluster appears
        List<SubCluster> fresh = List.of(cluster(0, ids(1, 10)), cluster(1, ids(20, 25)), cluster(2, ids(30, 33)));
        ClusterMatching.Result result = ClusterMatching.match(old, fresh, 3);
        assertThat(result.clusters()).extracting(SubCluster::clusterId, SubCluster::imageIds)
                .containsExactly(tuple(1, ids(1, 10)), tuple(2, ids(20, 25)), tuple(3, ids(30, 33)));
        assertThat(result.nextClusterId()).isEqualTo(4);
    }

    @Test
    void anOverlapBelowOneHalfIsANewCluster() {
        List<SubCluster> old = List.of(cluster(0, ids(1, 10)));
        List<SubCluster> fresh = List.of(cluster(0, ids(1, 4)), cluster(1, ids(5, 7)), noise(ids(8, 10)));
        ClusterMatching.Result result = ClusterMatching.match(old, fresh, 1);
        assertThat(result.clusters()).extracting(SubCluster::clusterId, SubCluster::imageIds)
                .containsExactly(tuple(1, ids(1, 4)), tuple(2, ids(5, 7)), tuple(SubCluster.NOISE_ID, ids(8, 10)));
        assertThat(result.nextClusterId()).isEqualTo(3);
    }

    @Test
    void aVanishedNumberIsNeverGivenAgainInTheGroup() {
        // the group once had clusters up to 6; 0 is all that is left of them
        List<SubCluster> old = List.of(cluster(0, ids(1, 5)));
        List<SubCluster> fresh = List.of(cluster(0, ids(1, 5)), cluster(1, ids(6, 9)));
        ClusterMatching.Result result = ClusterMatching.match(old, fresh, 7);
        assertThat(result.clusters()).extracting(SubCluster::clusterId).containsExactly(0, 7);
        assertThat(result.nextClusterId()).isEqualTo(8);
    }

    @Test
    void theNoiseIsNoIdentityAndPhotosThatLeftTheGroupAreNotCounted() {
        // 6..10 left the group (deleted or moved): what is left of the old cluster 0 is exactly the new cluster
        List<SubCluster> old = List.of(cluster(0, ids(1, 10)), noise(ids(11, 20)));
        List<SubCluster> fresh = List.of(cluster(0, ids(11, 20)), cluster(1, ids(1, 5)));
        ClusterMatching.Result result = ClusterMatching.match(old, fresh, 1);
        assertThat(result.clusters()).extracting(SubCluster::clusterId, SubCluster::imageIds)
                .containsExactly(tuple(0, ids(1, 5)), tuple(1, ids(11, 20)));
    }

    @Test
    void coversComeAlongAndTheNumbersOfOldClusteringsWithoutACounterAreRespected() {
        List<SubCluster> old = List.of(cluster(4, ids(1, 3)));
        List<SubCluster> fresh = List.of(new SubCluster(0, ids(10, 12), 11L), new SubCluster(1, ids(1, 3), 2L));
        ClusterMatching.Result result = ClusterMatching.match(old, fresh, 0);
        assertThat(result.clusters()).extracting(SubCluster::clusterId, SubCluster::coverImageId)
                .containsExactly(tuple(4, 2L), tuple(5, 11L));
        assertThat(result.nextClusterId()).isEqualTo(6);
    }
}
