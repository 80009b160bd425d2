package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import org.imageorganizer.model.ClusterAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.model.SubCluster;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;
import org.imageorganizer.store.StoredGroupClustering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
class LibraryClustererTest {
    private static final int DIM = 8;
    private static final int BLOBS = 3;
    private static final int PER_BLOB = 6;
    private static final GroupKey DOGS = new GroupKey("dog", "beach");
    private static final GroupKey CATS = new GroupKey("cat", "indoor");
    private static final GroupKey CARS = new GroupKey("car", "urban");
    private static final List<GroupKey> GROUPS = List.of(DOGS, CATS, CARS);
    private static final Duration LONG_DEBOUNCE = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    private LibraryDatabase library;
    private final List<LibraryClusterer> clusterers = new ArrayList<>();
    private final Map<GroupKey, List<Long>> ids = new HashMap<>();
    private int serial;

    @BeforeEach
    void open() {
        library = LibraryDatabase.open(dir.resolve("lib"));
        long seed = 1;
        for (GroupKey group : GROUPS) {
            SyntheticBlobs blobs = SyntheticBlobs.generate(seed++, BLOBS, PER_BLOB, 0, DIM, 0.05);
            for (float[] v : blobs.vectors()) {
                insert(group, v);
            }
        }
    }

    @AfterEach
    void close() {
        clusterers.forEach(LibraryClusterer::close);
        library.close();
    }

    private long insert(GroupKey group, float[] embedding) {
        String name = "img-" + (serial++);
        NewImage image = new NewImage(sha(name), "/photos/" + name + ".jpg", name + ".jpg", 1000, 640, 480, "jpeg",
                StorageKind.INDEXED,
                new Classification(new Label(group.objectLabel(), 0.9), new Label(group.backgroundLabel(), 0.8)),
                embedding, "test-model");
        long id = library.images().insert(image).id();
        ids.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
        return id;
    }

    /** An image close to the first image of the group, so it joins an existing blob. */
    private long insertNear(GroupKey group) {
        float[] v = library.images().embeddingOf(ids.get(group).get(0)).orElseThrow();
        v[serial % DIM] += 0.01f;
        return insert(group, normalised(v));
    }

    private static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(sum));
        }
        return out;
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private LibraryClusterer clusterer(ClusterSettings settings, Duration debounce) {
        LibraryClusterer c = new LibraryClusterer(library.images(), library.clusters(), library.info(), settings, debounce);
        clusterers.add(c);
        return c;
    }

    private LibraryClusterer hdbscan() {
        return clusterer(ClusterSettings.defaults(), LONG_DEBOUNCE);
    }

    /** A stored clustering's clusters as the tree shows them: with their stored keys, names and covers. */
    private List<SubCluster> withIdentities(StoredGroupClustering stored) {
        List<org.imageorganizer.model.ClusterIdentity> identities = library.clusters().identities();
        List<SubCluster> out = new ArrayList<>();
        for (SubCluster cluster : stored.clusters()) {
            out.add(identities.stream()
                    .filter(i -> i.group().equals(stored.group()) && i.clusterId() == cluster.clusterId() && !cluster.noise())
                    .findFirst().map(cluster::withIdentity).orElse(cluster));
        }
        return out;
    }

    private Map<GroupKey, StoredGroupClustering> stored() {
        return library.clusters().loadAll();
    }

    private static List<Long> allIds(OrganizedTree tree) {
        List<Long> all = new ArrayList<>();
        for (ObjectGroup object : tree.objects()) {
            for (BackgroundGroup background : object.subgroups()) {
                all.addAll(background.imageIds());
            }
        }
        return all;
    }

    private List<Long> allInserted() {
        return ids.values().stream().flatMap(List::stream).sorted().toList();
    }

    private static List<Long> pendingIds(OrganizedTree tree) {
        List<Long> pending = new ArrayList<>();
        for (ObjectGroup object : tree.objects()) {
            for (BackgroundGroup background : object.subgroups()) {
                background.clusters().stream().filter(SubCluster::pending).forEach(c -> pending.addAll(c.imageIds()));
            }
        }
        return pending;
    }

    private static BackgroundGroup groupOf(OrganizedTree tree, GroupKey key) {
        return tree.objects().stream().filter(o -> o.objectCategory().equals(key.objectLabel()))
                .flatMap(o -> o.subgroups().stream()).filter(b -> b.backgroundCategory().equals(key.backgroundLabel()))
                .findFirst().orElseThrow(() -> new AssertionError("no group " + key));
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %s", timeout).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void refreshNowClustersEveryGroupAndTheTreeHoldsEveryImageExactlyOnce() {
        OrganizedTree tree = hdbscan().refreshNow();

        List<Long> expected = ids.values().stream().flatMap(List::stream).sorted().toList();
        assertThat(allIds(tree)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(tree.totalImages()).isEqualTo(expected.size());
        assertThat(tree.stale()).isFalse();
        assertThat(tree.libraryVersion()).isEqualTo(library.info().libraryVersion());
        assertThat(tree.objects()).extracting(ObjectGroup::objectCategory).containsExactlyInAnyOrder("dog", "cat", "car");
        for (ObjectGroup object : tree.objects()) {
            assertThat(object.subgroups()).hasSize(1);
            BackgroundGroup background = object.subgroups().get(0);
            List<Long> inClusters = background.clusters().stream().flatMap(c -> c.imageIds().stream()).toList();
            assertThat(inClusters).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(background.imageIds());
            GroupKey key = new GroupKey(object.objectCategory(), background.backgroundCategory());
            assertThat(background.imageIds()).containsExactlyInAnyOrderElementsOf(ids.get(key));
            // three well-separated blobs come out as three clusters
            assertThat(background.clusters()).as(key.toString())
                    .filteredOn(c -> !c.noise()).hasSize(BLOBS)
                    .allSatisfy(c -> assertThat(c.imageIds()).hasSize(PER_BLOB));
        }
        assertThat(stored().keySet()).containsExactlyInAnyOrderElementsOf(GROUPS);
        assertThat(stored().values()).allSatisfy(s -> assertThat(s.algorithm()).startsWith("hdbscan("));
    }

    @Test
    void aSecondRefreshWithoutChangesRecomputesNothing() {
        LibraryClusterer clusterer = hdbscan();
        OrganizedTree first = clusterer.refreshNow();
        Map<GroupKey, StoredGroupClustering> before = stored();

        OrganizedTree second = clusterer.refreshNow();

        // equal records: same computedAt, signature, algorithm and library version
        assertThat(stored()).isEqualTo(before);
        assertThat(second).isEqualTo(first);
        // and a new clusterer with the same settings (another process, a restart) reuses them too
        hdbscan().refreshNow();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void addingImagesToOneGroupRecomputesOnlyThatGroup() {
        LibraryClusterer clusterer = hdbscan();
        clusterer.refreshNow();
        Map<GroupKey, StoredGroupClustering> before = stored();

        long added1 = insertNear(DOGS);
        long added2 = insertNear(DOGS);
        OrganizedTree tree = clusterer.refreshNow();

        Map<GroupKey, StoredGroupClustering> after = stored();
        assertThat(after.get(CATS)).isEqualTo(before.get(CATS));
        assertThat(after.get(CARS)).isEqualTo(before.get(CARS));
        StoredGroupClustering dogs = after.get(DOGS);
        assertThat(dogs.computedAt()).isAfter(before.get(DOGS).computedAt());
        assertThat(dogs.signature()).isNotEqualTo(before.get(DOGS).signature());
        assertThat(dogs.libraryVersion()).isEqualTo(library.info().libraryVersion());
        assertThat(dogs.clusters().stream().flatMap(c -> c.imageIds().stream())).contains(added1, added2);
        assertThat(allIds(tree)).doesNotHaveDuplicates().hasSize(BLOBS * PER_BLOB * GROUPS.size() + 2);
    }

    @Test
    void deletingAnImageRecomputesItsGroupAndDeletingAllRemovesTheGroup() {
        LibraryClusterer clusterer = hdbscan();
        clusterer.refreshNow();
        Map<GroupKey, StoredGroupClustering> before = stored();

        long gone = ids.get(CATS).get(3);
        assertThat(library.images().delete(gone)).isTrue();
        clusterer.refreshNow();
        assertThat(stored().get(CATS).computedAt()).isAfter(before.get(CATS).computedAt());
        assertThat(stored().get(DOGS)).isEqualTo(before.get(DOGS));

        ids.get(CARS).forEach(id -> library.images().delete(id));
        OrganizedTree tree = clusterer.refreshNow();

        assertThat(tree.objects()).extracting(ObjectGroup::objectCategory).containsExactlyInAnyOrder("dog", "cat");
        assertThat(stored()).doesNotContainKey(CARS).containsKeys(DOGS, CATS);
        assertThat(allIds(tree)).doesNotContain(gone).doesNotContainAnyElementsOf(ids.get(CARS))
                .hasSize(2 * BLOBS * PER_BLOB - 1);
        assertThat(clusterer.tree().stale()).isFalse();
    }

    @Test
    void theTreeIsStaleAfterAChangeUntilTheNextRefresh() {
        LibraryClusterer clusterer = hdbscan();
        assertThat(clusterer.tree().stale()).as("images but never clustered").isTrue();
        assertThat(allIds(clusterer.tree())).as("never clustered, yet every image is there, pending")
                .containsExactlyInAnyOrderElementsOf(allInserted());

        clusterer.refreshNow();
        OrganizedTree fresh = clusterer.tree();
        assertThat(fresh.stale()).isFalse();
        assertThat(fresh.libraryVersion()).isEqualTo(library.info().libraryVersion());

        long added = insertNear(CATS);
        OrganizedTree stale = clusterer.tree();
        assertThat(stale.stale()).isTrue();
        assertThat(pendingIds(stale)).as("the new image waits in the pending entry").containsExactly(added);
        assertThat(stale.libraryVersion()).as("the tree shows the library as it is now")
                .isEqualTo(library.info().libraryVersion());

        clusterer.refreshNow();
        assertThat(clusterer.tree().stale()).isFalse();
        assertThat(allIds(clusterer.tree())).contains(added);

        library.images().delete(added);
        assertThat(clusterer.tree().stale()).as("after a delete").isTrue();
        clusterer.refreshNow();
        assertThat(clusterer.tree().stale()).isFalse();
    }

    @Test
    void theTreeHoldsEveryImageBeforeTheFirstClusteringEachGroupInOnePendingEntry() {
        OrganizedTree tree = hdbscan().tree();

        assertThat(tree.stale()).isTrue();
        assertThat(tree.totalImages()).isEqualTo(allInserted().size());
        for (GroupKey key : GROUPS) {
            BackgroundGroup group = groupOf(tree, key);
            assertThat(group.imageIds()).containsExactlyElementsOf(ids.get(key));
            assertThat(group.clusters()).as(key.toString()).containsExactly(SubCluster.pending(ids.get(key)));
        }
    }

    @Test
    void betweenRefreshesNewImagesArePendingAndRemovedOnesGoneWhileTheStoredClustersStay() {
        LibraryClusterer clusterer = hdbscan();
        clusterer.refreshNow();
        Map<GroupKey, StoredGroupClustering> before = stored();

        long added1 = insertNear(CATS);
        long added2 = insertNear(CATS);
        long gone = ids.get(DOGS).get(0);
        assertThat(library.images().delete(gone)).isTrue();
        OrganizedTree tree = clusterer.tree();

        assertThat(tree.stale()).isTrue();
        List<Long> expected = new ArrayList<>(allInserted());
        expected.remove(gone);
        assertThat(allIds(tree)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        BackgroundGroup cats = groupOf(tree, CATS);
        assertThat(cats.clusters().subList(0, cats.clusters().size() - 1)).isEqualTo(withIdentities(before.get(CATS)));
        assertThat(cats.clusters().get(cats.clusters().size() - 1)).isEqualTo(SubCluster.pending(List.of(added1, added2)));
        BackgroundGroup dogs = groupOf(tree, DOGS);
        assertThat(dogs.clusters()).noneMatch(SubCluster::pending);
        assertThat(dogs.clusters().stream().flatMap(c -> c.imageIds().stream())).doesNotContain(gone)
                .containsExactlyInAnyOrderElementsOf(dogs.imageIds());
        assertThat(groupOf(tree, CARS).clusters()).isEqualTo(withIdentities(before.get(CARS)));
        for (ObjectGroup object : tree.objects()) {
            for (BackgroundGroup background : object.subgroups()) {
                assertThat(background.clusters().stream().flatMap(c -> c.imageIds().stream()))
                        .containsExactlyInAnyOrderElementsOf(background.imageIds());
            }
        }

        OrganizedTree refreshed = clusterer.refreshNow();
        assertThat(pendingIds(refreshed)).isEmpty();
        assertThat(pendingIds(clusterer.tree())).isEmpty();
        assertThat(clusterer.tree().stale()).isFalse();
        assertThat(allIds(clusterer.tree())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theTreeIsKeptPerLibraryVersionStaleOrNot() {
        LibraryClusterer clusterer = hdbscan();
        OrganizedTree neverClustered = clusterer.tree();
        assertThat(neverClustered.stale()).isTrue();
        assertThat(clusterer.tree()).as("stale, but nothing changed since").isSameAs(neverClustered);

        insertNear(DOGS);
        OrganizedTree changed = clusterer.tree();
        assertThat(changed).isNotSameAs(neverClustered);
        assertThat(clusterer.tree()).isSameAs(changed);

        clusterer.refreshNow();
        OrganizedTree fresh = clusterer.tree();
        assertThat(fresh).as("a refresh changed the clusters, not the library version").isNotSameAs(changed);
        assertThat(fresh.stale()).isFalse();
        assertThat(clusterer.tree()).isSameAs(fresh);
    }

    @Test
    void aClusteringStoredByAnotherProgramReachesTheTreeThroughACatchUpRefresh() throws InterruptedException {
        LibraryClusterer reader = clusterer(ClusterSettings.defaults(), Duration.ofMillis(100));
        assertThat(reader.tree().stale()).isTrue();

        hdbscan().refreshNow(); // the other program, on the same library

        awaitTrue(() -> !reader.tree().stale(), Duration.ofSeconds(10));
        assertThat(pendingIds(reader.tree())).isEmpty();
        assertThat(allIds(reader.tree())).containsExactlyInAnyOrderElementsOf(allInserted());
    }

    @Test
    void anEmptyLibraryIsNeitherStaleNorEmptyOfMeaning() {
        ids.values().stream().flatMap(List::stream).forEach(id -> library.images().delete(id));
        LibraryClusterer clusterer = hdbscan();

        OrganizedTree tree = clusterer.refreshNow();

        assertThat(tree.objects()).isEmpty();
        assertThat(tree.stale()).isFalse();
        assertThat(clusterer.tree().stale()).isFalse();
        assertThat(stored()).isEmpty();
    }

    @Test
    void manyChangesInQuickSuccessionLeadToOneRefreshAfterTheDebounce() throws InterruptedException {
        Duration debounce = Duration.ofMillis(300);
        LibraryClusterer clusterer = clusterer(ClusterSettings.defaults(), debounce);

        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            clusterer.libraryChanged();
        }
        assertThat(stored()).as("nothing is computed before the debounce delay").isEmpty();
        assertThat(clusterer.tree().stale()).isTrue();

        awaitTrue(() -> stored().size() == GROUPS.size(), Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(debounce);
        awaitTrue(() -> !clusterer.tree().stale(), Duration.ofSeconds(10));
        Map<GroupKey, StoredGroupClustering> once = stored();

        // a change nobody announces is not picked up: no second refresh was left pending
        long silent = insertNear(DOGS);
        Thread.sleep(3 * debounce.toMillis());
        assertThat(stored()).isEqualTo(once);
        assertThat(clusterer.tree().stale()).isTrue();

        // announcing it schedules exactly the work needed
        clusterer.libraryChanged();
        awaitTrue(() -> !stored().get(DOGS).equals(once.get(DOGS)), Duration.ofSeconds(10));
        assertThat(stored().get(DOGS).clusters().stream().flatMap(c -> c.imageIds().stream())).contains(silent);
        assertThat(stored().get(CATS)).isEqualTo(once.get(CATS));
        assertThat(stored().get(CARS)).isEqualTo(once.get(CARS));
    }

    @Test
    void closingCancelsAPendingRefresh() throws InterruptedException {
        Duration debounce = Duration.ofMillis(100);
        LibraryClusterer clusterer = clusterer(ClusterSettings.defaults(), debounce);

        clusterer.libraryChanged();
        clusterer.close();
        Thread.sleep(3 * debounce.toMillis());

        assertThat(stored()).isEmpty();
    }

    @Test
    void aChangeAnnouncedAfterCloseIsIgnoredRatherThanThrown() throws InterruptedException {
        // an import still running when the window closes must not fail because the clusterer is gone
        Duration debounce = Duration.ofMillis(100);
        LibraryClusterer clusterer = clusterer(ClusterSettings.defaults(), debounce);
        clusterer.close();

        assertThatCode(clusterer::libraryChanged).doesNotThrowAnyException();
        assertThatCode(clusterer::libraryChanged).doesNotThrowAnyException();
        Thread.sleep(3 * debounce.toMillis());
        assertThat(stored()).isEmpty();
    }

    @Test
    void changingTheAlgorithmRecomputesEveryGroup() {
        hdbscan().refreshNow();
        Map<GroupKey, StoredGroupClustering> before = stored();

        ClusterSettings kmeans = ClusterSettings.defaults().withAlgorithm(ClusterAlgorithm.KMEANS).withK(BLOBS);
        OrganizedTree tree = clusterer(kmeans, LONG_DEBOUNCE).refreshNow();

        Map<GroupKey, StoredGroupClustering> after = stored();
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(GROUPS);
        for (GroupKey group : GROUPS) {
            assertThat(after.get(group).algorithm()).as(group.toString()).startsWith("kmeans(k=" + BLOBS);
            assertThat(after.get(group).computedAt()).isAfter(before.get(group).computedAt());
            assertThat(after.get(group).signature()).isEqualTo(before.get(group).signature());
            assertThat(after.get(group).clusters()).hasSize(BLOBS).noneMatch(SubCluster::noise);
        }
        assertThat(allIds(tree)).doesNotHaveDuplicates().hasSize(BLOBS * PER_BLOB * GROUPS.size());

        // and so does changing a parameter that only affects which groups are clustered
        Map<GroupKey, StoredGroupClustering> kmeansResult = stored();
        clusterer(kmeans.withMinGroupSize(100), LONG_DEBOUNCE).refreshNow();
        for (GroupKey group : GROUPS) {
            assertThat(stored().get(group).computedAt()).isAfter(kmeansResult.get(group).computedAt());
            assertThat(stored().get(group).clusters()).hasSize(1); // too small to cluster now: one whole cluster
        }
    }
}
