package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.model.SubCluster;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clusters keep their identity (ADR 0043): the same photos give the same numbers whatever the import order, and a
 * recomputed group's clusters keep the numbers, keys and names of the clusters they overlap.
 */
@Tag("database")
class ClusterIdentityTest {
    private static final GroupKey DOGS = new GroupKey("dog", "beach");
    private static final int DIM = 16;

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    /** Each photo's embedding by its content (the seed of its hash). */
    private final Map<String, float[]> photos = new HashMap<>();

    @AfterEach
    void close() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Photos of three scenes of 10, 8 and 6 photos, named "blob-photo". */
    private List<String> scenes(int... sizes) {
        Random random = new Random(11);
        List<String> names = new ArrayList<>();
        for (int blob = 0; blob < sizes.length; blob++) {
            float[] centre = gaussian(random, 1.0);
            for (int p = 0; p < sizes[blob]; p++) {
                names.add(photo(blob, p, centre, random));
            }
        }
        return names;
    }

    private String photo(int blob, int p, float[] centre, Random random) {
        String name = blob + "-" + p;
        float[] v = gaussian(random, 0.04);
        for (int d = 0; d < DIM; d++) {
            v[d] += centre[d];
        }
        photos.put(name, v);
        return name;
    }

    private static float[] gaussian(Random random, double sigma) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) (random.nextGaussian() * sigma);
        }
        return v;
    }

    private LibraryDatabase library(String name) {
        LibraryDatabase library = LibraryDatabase.open(dir.resolve(name));
        open.add(library);
        return library;
    }

    private LibraryClusterer clusterer(LibraryDatabase library) {
        LibraryClusterer clusterer = new LibraryClusterer(library.images(), library.clusters(), library.info(),
                ClusterSettings.defaults(), Duration.ofMinutes(10));
        open.add(clusterer);
        return clusterer;
    }

    private static void importPhotos(LibraryDatabase library, Map<String, float[]> photos, List<String> names) {
        for (String name : names) {
            library.images().insert(new NewImage(sha(name), "/photos/" + name + ".jpg", name + ".jpg", 1000, 640, 480,
                    "jpeg", StorageKind.INDEXED, new Classification(new Label(DOGS.objectLabel(), 0.9),
                            new Label(DOGS.backgroundLabel(), 0.8)), photos.get(name), "test-model"));
        }
    }

    /** The group's clusters as numbers with their photos' contents (not ids: those depend on the import order). */
    private static Map<Integer, List<String>> byContent(LibraryDatabase library, OrganizedTree tree) {
        Map<Long, String> contentOf = new HashMap<>();
        library.images().list(0, 10_000).forEach(r -> contentOf.put(r.id(), r.sha256()));
        Map<Integer, List<String>> out = new HashMap<>();
        for (SubCluster cluster : clusters(tree)) {
            out.put(cluster.clusterId(), cluster.imageIds().stream().map(contentOf::get).sorted().toList());
        }
        return out;
    }

    private static List<SubCluster> clusters(OrganizedTree tree) {
        return tree.objects().get(0).subgroups().get(0).clusters();
    }

    private static SubCluster cluster(OrganizedTree tree, int id) {
        return clusters(tree).stream().filter(c -> c.clusterId() == id).findFirst().orElseThrow();
    }

    @Test
    void theSamePhotosImportedInTwoOrdersGetTheSameNumbersLargestFirst() {
        List<String> names = scenes(6, 10, 8);
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, new Random(4));
        LibraryDatabase first = library("first");
        LibraryDatabase second = library("second");
        importPhotos(first, photos, names);
        importPhotos(second, photos, shuffled);

        Map<Integer, List<String>> one = byContent(first, clusterer(first).refreshNow());
        Map<Integer, List<String>> other = byContent(second, clusterer(second).refreshNow());

        assertThat(other).isEqualTo(one);
        assertThat(one.keySet()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(one.get(0)).hasSize(10);
        assertThat(one.get(1)).hasSize(8);
        assertThat(one.get(2)).hasSize(6);
    }

    @Test
    void addingPhotosKeepsTheNumbersKeysAndNamesOfTheClustersAndTheNewOnesTakeNewNumbers() {
        List<String> names = scenes(10, 8, 6);
        LibraryDatabase library = library("lib");
        importPhotos(library, photos, names);
        LibraryClusterer clusterer = clusterer(library);
        OrganizedTree before = clusterer.refreshNow();
        assertThat(clusters(before)).extracting(SubCluster::clusterId).containsExactly(0, 1, 2);
        String smallest = cluster(before, 2).clusterKey();
        library.clusters().rename(smallest, "Ski trip");
        assertThat(cluster(clusterer.tree(), 2).name()).isEqualTo("Ski trip"); // the tree shows a new name at once

        // five more photos of the smallest scene make it the largest: canonically it would be 0; it stays 2
        Random random = new Random(5);
        float[] centre = photos.get("2-0");
        List<String> added = new ArrayList<>();
        for (int p = 6; p < 11; p++) {
            added.add(photo(2, p, centre, random));
        }
        importPhotos(library, photos, added);
        OrganizedTree after = clusterer.refreshNow();

        assertThat(clusters(after)).extracting(SubCluster::clusterId).containsExactly(0, 1, 2);
        assertThat(cluster(after, 2).imageIds()).hasSize(11);
        for (int id = 0; id < 3; id++) {
            assertThat(cluster(after, id).clusterKey()).isEqualTo(cluster(before, id).clusterKey());
            assertThat(cluster(after, id).imageIds()).containsAll(cluster(before, id).imageIds());
        }
        assertThat(cluster(after, 2).name()).isEqualTo("Ski trip");
        assertThat(cluster(after, 2).coverImageId()).isIn(cluster(after, 2).imageIds());

        // a scene of its own appears: the next number, a new key, no name
        float[] elsewhere = gaussian(random, 1.0);
        List<String> fourth = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            fourth.add(photo(3, p, elsewhere, random));
        }
        importPhotos(library, photos, fourth);
        OrganizedTree grown = clusterer.refreshNow();
        assertThat(clusters(grown)).extracting(SubCluster::clusterId).containsExactly(0, 1, 2, 3);
        assertThat(cluster(grown, 3).clusterKey()).isNotNull()
                .isNotIn(cluster(after, 0).clusterKey(), cluster(after, 1).clusterKey(), smallest);
        assertThat(cluster(grown, 3).name()).isNull();
    }

    @Test
    void aVanishedClustersNumberAndIdentityAreNotGivenToAnother() {
        List<String> names = scenes(10, 8, 6);
        LibraryDatabase library = library("lib");
        importPhotos(library, photos, names);
        LibraryClusterer clusterer = clusterer(library);
        OrganizedTree before = clusterer.refreshNow();
        String gone = cluster(before, 1).clusterKey();
        library.clusters().rename(gone, "Old trip");

        for (long id : cluster(before, 1).imageIds()) {
            library.images().delete(id);
        }
        Random random = new Random(8);
        float[] elsewhere = gaussian(random, 1.0);
        List<String> fresh = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            fresh.add(photo(3, p, elsewhere, random));
        }
        importPhotos(library, photos, fresh);
        OrganizedTree after = clusterer.refreshNow();

        assertThat(clusters(after)).extracting(SubCluster::clusterId).containsExactly(0, 2, 3);
        assertThat(library.clusters().identity(gone)).isEmpty();
        assertThat(library.clusters().identities()).extracting(ClusterIdentity::clusterId).containsExactly(0, 2, 3);
        assertThat(library.clusters().identities()).extracting(ClusterIdentity::name).containsOnlyNulls();
    }

    @Test
    void clusteringsStoredBeforeKeepTheirNumbersWhenTheyAreMadeAgainInContentOrder() {
        List<String> names = scenes(10, 8, 6);
        LibraryDatabase library = library("lib");
        importPhotos(library, photos, names);
        OrganizedTree current = clusterer(library).refreshNow();
        // as an earlier version stored them: other numbers, the algorithm described without the content order
        List<SubCluster> earlier = List.of(new SubCluster(4, false, cluster(current, 1).imageIds()),
                new SubCluster(6, false, cluster(current, 0).imageIds()),
                new SubCluster(9, false, cluster(current, 2).imageIds()));
        library.clusters().save(DOGS, "signature of id order", "hdbscan(minClusterSize=5, minSamples=5), minGroupSize=10",
                0, earlier);
        String key = library.clusters().identity(DOGS, 6).orElseThrow().key();

        OrganizedTree upgraded = clusterer(library).refreshNow();

        assertThat(clusters(upgraded)).extracting(SubCluster::clusterId).containsExactly(4, 6, 9);
        assertThat(cluster(upgraded, 6).imageIds()).isEqualTo(cluster(current, 0).imageIds());
        assertThat(cluster(upgraded, 6).clusterKey()).isEqualTo(key);
        assertThat(library.clusters().loadAll().get(DOGS).nextClusterId()).isEqualTo(10);
    }

    private static String sha(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
