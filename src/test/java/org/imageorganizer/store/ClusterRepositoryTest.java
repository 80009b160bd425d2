package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.SubCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class ClusterRepositoryTest extends LibraryTestCase {

    private static final GroupKey DOGS = new GroupKey("dog", "beach");
    private static final GroupKey CATS = new GroupKey("cat", "sofa");

    private ClusterRepository clusters;
    private long[] dog;
    private long[] cat;

    @BeforeEach
    void open() {
        clusters = library.clusters();
        dog = new long[5];
        for (int i = 0; i < dog.length; i++) {
            dog[i] = library.images().insert(TestRecords.image("dog" + i, "dog", "beach")).id();
        }
        cat = new long[2];
        for (int i = 0; i < cat.length; i++) {
            cat[i] = library.images().insert(TestRecords.image("cat" + i, "cat", "sofa")).id();
        }
    }

    @Test
    void emptyLibraryHasNoClusterings() {
        assertThat(clusters.loadAll()).isEmpty();
    }

    @Test
    void saveAndLoadWithNoiseLast() {
        Instant before = Instant.now().minusSeconds(1);
        clusters.save(DOGS, "sig-dogs", "hdbscan(minClusterSize=2)", 7, List.of(
                new SubCluster(SubCluster.NOISE_ID, true, List.of(dog[4])),
                new SubCluster(1, false, List.of(dog[3], dog[2])),
                new SubCluster(0, false, List.of(dog[0], dog[1]))));
        clusters.save(CATS, "sig-cats", "hdbscan(minClusterSize=2)", 7, List.of(
                new SubCluster(SubCluster.NOISE_ID, true, List.of(cat[0], cat[1]))));

        Map<GroupKey, StoredGroupClustering> all = clusters.loadAll();
        assertThat(all.keySet()).containsExactly(CATS, DOGS);
        StoredGroupClustering dogs = all.get(DOGS);
        assertThat(dogs.signature()).isEqualTo("sig-dogs");
        assertThat(dogs.algorithm()).isEqualTo("hdbscan(minClusterSize=2)");
        assertThat(dogs.libraryVersion()).isEqualTo(7);
        assertThat(dogs.computedAt()).isAfter(before).isBeforeOrEqualTo(Instant.now());
        assertThat(dogs.clusters()).containsExactly(
                new SubCluster(0, false, List.of(dog[0], dog[1])),
                new SubCluster(1, false, List.of(dog[2], dog[3])),
                new SubCluster(SubCluster.NOISE_ID, true, List.of(dog[4])));
        assertThat(all.get(CATS).clusters())
                .containsExactly(new SubCluster(SubCluster.NOISE_ID, true, List.of(cat[0], cat[1])));
    }

    @Test
    void saveReplacesTheGroupOnly() {
        clusters.save(DOGS, "v1", "a", 1, List.of(new SubCluster(0, false, List.of(dog[0], dog[1], dog[2]))));
        clusters.save(CATS, "c1", "a", 1, List.of(new SubCluster(0, false, List.of(cat[0], cat[1]))));
        clusters.save(DOGS, "v2", "b", 2, List.of(
                new SubCluster(0, false, List.of(dog[3], dog[4])),
                new SubCluster(SubCluster.NOISE_ID, true, List.of(dog[0]))));

        Map<GroupKey, StoredGroupClustering> all = clusters.loadAll();
        assertThat(all.get(DOGS).signature()).isEqualTo("v2");
        assertThat(all.get(DOGS).algorithm()).isEqualTo("b");
        assertThat(all.get(DOGS).libraryVersion()).isEqualTo(2);
        assertThat(all.get(DOGS).clusters()).containsExactly(
                new SubCluster(0, false, List.of(dog[3], dog[4])),
                new SubCluster(SubCluster.NOISE_ID, true, List.of(dog[0])));
        assertThat(all.get(CATS).signature()).isEqualTo("c1");
        assertThat(all.get(CATS).clusters()).containsExactly(new SubCluster(0, false, List.of(cat[0], cat[1])));
    }

    @Test
    void saveSkipsImagesDeletedMeanwhile() {
        library.images().delete(dog[1]);
        clusters.save(DOGS, "s", "a", 1, List.of(new SubCluster(0, false, List.of(dog[0], dog[1], dog[2]))));
        assertThat(clusters.loadAll().get(DOGS).clusters())
                .containsExactly(new SubCluster(0, false, List.of(dog[0], dog[2])));
    }

    @Test
    void deleteGroupsNotInKeepsOnlyExistingGroups() {
        clusters.save(DOGS, "d", "a", 1, List.of(new SubCluster(0, false, List.of(dog[0]))));
        clusters.save(CATS, "c", "a", 1, List.of(new SubCluster(0, false, List.of(cat[0]))));

        clusters.deleteGroupsNotIn(Set.of(DOGS, new GroupKey("horse", "field")));

        assertThat(clusters.loadAll().keySet()).containsExactly(DOGS);
        clusters.deleteGroupsNotIn(Set.of());
        assertThat(clusters.loadAll()).isEmpty();
        // the members went too: saving the cats again starts from nothing
        clusters.save(CATS, "c", "a", 1, List.of(new SubCluster(0, false, List.of(cat[1]))));
        assertThat(clusters.loadAll().get(CATS).clusters()).containsExactly(new SubCluster(0, false, List.of(cat[1])));
    }

    @Test
    void rejectsInconsistentNoiseIds() {
        assertThatThrownBy(() -> clusters.save(DOGS, "s", "a", 1, List.of(new SubCluster(3, true, List.of(dog[0])))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clusters.save(DOGS, "s", "a", 1, List.of(new SubCluster(-1, false, List.of(dog[0])))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoWritersStoringTheSameGroupAtOnceBothSucceedAndOneResultStands() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    int cluster = writer;
                    saves.add(two.submit(() -> {
                        start.await();
                        clusters.save(DOGS, "sig", "hdbscan", 1, List.of(new SubCluster(cluster, false,
                                java.util.Arrays.stream(dog).boxed().toList())));
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> save : saves) {
                    save.get(); // neither fails on the other's rows
                }
                StoredGroupClustering stored = clusters.loadAll().get(DOGS);
                assertThat(stored.clusters()).hasSize(1);
                assertThat(stored.clusters().get(0).imageIds()).hasSize(dog.length);
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void eachClusterHasAKeyThatFollowsItsNumberAndTheCoverOfItsLastClustering() {
        clusters.save(DOGS, "s1", "a", 1, List.of(new SubCluster(0, List.of(dog[0], dog[1]), dog[1]),
                new SubCluster(1, List.of(dog[2], dog[3]), dog[2]),
                new SubCluster(SubCluster.NOISE_ID, true, List.of(dog[4]))), 2);
        List<ClusterIdentity> first = clusters.identities();
        assertThat(first).extracting(ClusterIdentity::group, ClusterIdentity::clusterId, ClusterIdentity::name,
                ClusterIdentity::coverImageId).containsExactly(tuple(DOGS, 0, null, dog[1]), tuple(DOGS, 1, null, dog[2]));
        assertThat(first).extracting(ClusterIdentity::key).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).matches("[A-Za-z0-9_-]{12}"));

        // recomputed: 0 is kept (another cover), 1 vanished, 3 appeared
        clusters.save(DOGS, "s2", "a", 2, List.of(new SubCluster(0, List.of(dog[0], dog[1], dog[2]), dog[0]),
                new SubCluster(3, List.of(dog[3], dog[4]), dog[4])), 4);
        List<ClusterIdentity> second = clusters.identities();
        assertThat(second).extracting(ClusterIdentity::clusterId, ClusterIdentity::coverImageId)
                .containsExactly(tuple(0, dog[0]), tuple(3, dog[4]));
        assertThat(second.get(0).key()).isEqualTo(first.get(0).key());
        assertThat(second.get(1).key()).isNotIn(first.get(0).key(), first.get(1).key());
        assertThat(clusters.identity(first.get(1).key())).isEmpty();
        assertThat(clusters.identity(DOGS, 3)).contains(second.get(1));
        assertThat(clusters.loadAll().get(DOGS).nextClusterId()).isEqualTo(4);
    }

    @Test
    void aNameStaysWhileItsClusterIsStoredAgainAndGoesWithIt() {
        clusters.save(DOGS, "s1", "a", 1, List.of(new SubCluster(0, List.of(dog[0], dog[1]), dog[0])), 1);
        String key = clusters.identity(DOGS, 0).orElseThrow().key();
        long version = library.info().libraryVersion();

        assertThat(clusters.rename(key, "Ski trip")).get().extracting(ClusterIdentity::name).isEqualTo("Ski trip");
        assertThat(library.info().libraryVersion()).isEqualTo(version + 1); // every reader's tree is built again
        clusters.save(DOGS, "s2", "a", 2, List.of(new SubCluster(0, List.of(dog[0], dog[1], dog[2]), dog[2])), 1);
        assertThat(clusters.identity(key)).get().extracting(ClusterIdentity::name, ClusterIdentity::coverImageId)
                .containsExactly("Ski trip", dog[2]);

        assertThat(clusters.rename("no-such-key", "x")).isEmpty();
        assertThat(library.info().libraryVersion()).isEqualTo(version + 1);
        assertThat(clusters.rename(key, null)).get().extracting(ClusterIdentity::name).isNull();
        clusters.rename(key, "Ski trip");

        clusters.save(DOGS, "s3", "a", 3, List.of(new SubCluster(1, List.of(dog[3]), dog[3])), 2);
        assertThat(clusters.identity(key)).isEmpty();
        assertThat(clusters.rename(key, "again")).isEmpty();
        assertThat(clusters.identities()).singleElement().extracting(ClusterIdentity::clusterId, ClusterIdentity::name)
                .containsExactly(1, null);
    }

    @Test
    void identitiesGoWithTheirGroupAndCoversWithTheirPhoto() {
        clusters.save(DOGS, "d", "a", 1, List.of(new SubCluster(0, List.of(dog[0], dog[1]), dog[1])), 1);
        clusters.save(CATS, "c", "a", 1, List.of(new SubCluster(0, List.of(cat[0], cat[1]), cat[0])), 1);
        library.images().delete(dog[1]);
        assertThat(clusters.identity(DOGS, 0)).get().extracting(ClusterIdentity::coverImageId).isNull();

        library.images().delete(cat[1]);
        // a clustering computed before its cover was deleted stores no cover
        clusters.save(CATS, "c2", "a", 2, List.of(new SubCluster(0, List.of(cat[0], cat[1]), cat[1])), 1);
        assertThat(clusters.identity(CATS, 0)).get().extracting(ClusterIdentity::coverImageId).isNull();

        clusters.deleteGroupsNotIn(Set.of(DOGS));
        assertThat(clusters.identities()).extracting(ClusterIdentity::group).containsExactly(DOGS);
    }
}
