package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ClusterAlgorithm;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tree from the stored clusterings: the clusterer's own tree, and stale exactly when the clusterer would say so. */
@Tag("database")
class StoredTreeTest {
    private static final List<GroupKey> GROUPS = List.of(new GroupKey("dog", "beach"), new GroupKey("cat", "indoor"));

    @TempDir
    Path dir;
    private LibraryDatabase library;
    private final List<Long> inserted = new ArrayList<>();
    private int serial;

    @BeforeEach
    void open() {
        library = LibraryDatabase.open(dir.resolve("lib"));
        long seed = 3;
        for (GroupKey group : GROUPS) {
            for (float[] v : SyntheticBlobs.generate(seed++, 3, 6, 0, 8, 0.05).vectors()) {
                insert(group, v);
            }
        }
    }

    @AfterEach
    void close() {
        library.close();
    }

    private void insert(GroupKey group, float[] embedding) {
        String name = String.format("%064x", ++serial);
        inserted.add(library.images().insert(new NewImage(name, "/photos/" + serial + ".jpg", serial + ".jpg", 1000, 640, 480,
                "jpeg", StorageKind.INDEXED,
                new Classification(new Label(group.objectLabel(), 0.9), new Label(group.backgroundLabel(), 0.8)),
                embedding, "test-model")).id());
    }

    private OrganizedTree stored(ClusterSettings settings) {
        long version = library.info().libraryVersion();
        return new StoredTree(settings).build(library.images().groupMembership(), library.clusters().loadAll(),
                library.clusters().identities(), version);
    }

    private OrganizedTree refreshed(ClusterSettings settings) {
        try (LibraryClusterer clusterer = new LibraryClusterer(library.images(), library.clusters(), library.info(), settings,
                Duration.ofMinutes(10))) {
            return clusterer.refreshNow();
        }
    }

    private OrganizedTree clusterersView(ClusterSettings settings) {
        try (LibraryClusterer clusterer = new LibraryClusterer(library.images(), library.clusters(), library.info(), settings,
                Duration.ofMinutes(10))) {
            return clusterer.tree();
        }
    }

    @Test
    void afterARefreshItIsTheClusterersTreeForEveryAlgorithm() {
        for (ClusterSettings settings : List.of(ClusterSettings.defaults(),
                ClusterSettings.defaults().withAlgorithm(ClusterAlgorithm.KMEANS).withK(2),
                ClusterSettings.defaults().withMinGroupSize(50))) {
            OrganizedTree sorted = refreshed(settings);

            assertThat(stored(settings)).isEqualTo(sorted);
            assertThat(sorted.stale()).isFalse();
        }
    }

    @Test
    void anEmptyLibraryIsCurrent() {
        for (Long id : inserted) {
            library.images().delete(id);
        }
        refreshed(ClusterSettings.defaults());
        assertThat(stored(ClusterSettings.defaults())).satisfies(tree -> {
            assertThat(tree.stale()).isFalse();
            assertThat(tree.objects()).isEmpty();
        });
    }

    @Test
    void isStaleWhereTheClustererWouldBe() {
        ClusterSettings settings = ClusterSettings.defaults();
        assertThat(stored(settings).stale()).as("never clustered").isTrue();
        refreshed(settings);

        insert(GROUPS.get(0), SyntheticBlobs.generate(99, 1, 1, 0, 8, 0.05).vectors()[0]);
        assertThat(stored(settings)).isEqualTo(clusterersView(settings)).satisfies(t -> assertThat(t.stale()).isTrue());
        assertThat(refreshed(settings).stale()).isFalse();

        assertThat(stored(settings.withAlgorithm(ClusterAlgorithm.KMEANS)).stale()).as("other settings").isTrue();
        assertThat(stored(settings.withMinGroupSize(settings.minGroupSize() + 1)).stale()).isTrue();

        long cats = library.images().groupMembership().get(GROUPS.get(1)).size();
        library.images().groupMembership().get(GROUPS.get(1)).forEach(id -> library.images().delete(id));
        assertThat(cats).isPositive();
        assertThat(stored(settings)).as("a group the library no longer has").isEqualTo(clusterersView(settings))
                .satisfies(t -> assertThat(t.stale()).isTrue());
        assertThat(refreshed(settings).stale()).isFalse();
        assertThat(stored(settings).stale()).isFalse();
    }
}
