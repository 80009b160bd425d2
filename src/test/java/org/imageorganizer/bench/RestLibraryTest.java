package org.imageorganizer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.junit.jupiter.api.Test;
import org.imageorganizer.cluster.LibraryClusterer;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The REST benchmark's library: every synthetic image stored, groups interleaved, clusters up to date. */
class RestLibraryTest {
    @TempDir
    Path dir;

    @Test
    void storesTheSyntheticGroupsInterleavedAndClustered() {
        RestLibrary.Built built = RestLibrary.build(dir.resolve("library"), 800, 7,
                (library, settings) -> new LibraryClusterer(library.images(), library.clusters(), library.info(), settings,
                        Duration.ZERO));

        int[] sizes = SyntheticLibrary.groupSizes(800);
        assertThat(built.images()).isEqualTo(800);
        assertThat(built.largestObject()).isEqualTo("object0"); // groups 0-3, the largest holding 40%
        assertThat(built.largestObjectImages()).isEqualTo(Arrays.stream(sizes, 0, 4).sum());
        try (LibraryDatabase library = LibraryDatabase.open(built.database())) {
            assertThat(library.images().count()).isEqualTo(800);
            List<ImageRecord> newest = library.images().listNewest(null, null, 0, 50);
            assertThat(newest.stream().map(r -> r.classification().object().name()).distinct().count()).isGreaterThan(1);
            assertThat(newest).allSatisfy(r -> assertThat(r.storage()).isEqualTo(StorageKind.MANAGED));
            long version = library.info().libraryVersion();
            assertThat(library.clusters().loadAll()).hasSize(SyntheticLibrary.GROUPS)
                    .allSatisfy((group, clustering) -> assertThat(clustering.libraryVersion()).isEqualTo(version));
        }
    }
}
