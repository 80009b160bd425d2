package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.SubCluster;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.testing.PhotoLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** An opened library's queries and files over a real H2 library. */
@Tag("database")
class StoreLibraryTest {
    @TempDir
    Path dir;

    @Test
    void queriesFilesAndTheSortedTree() throws Exception {
        LibraryDatabase library = LibraryDatabase.open(dir.resolve("library"));
        LibraryClusterer clusterer = new LibraryClusterer(library.images(), library.clusters(), library.info(),
                ClusterSettings.defaults(), Duration.ofSeconds(60));
        try (StoreLibrary opened = new StoreLibrary(library, clusterer,
                new StorageRouter(new IndexedFiles(), new ManagedFolder(dir.resolve("storage"))),
                new ThumbnailCache(dir.resolve("thumbnails"), new Thumbnailer(new SafeImageDecoder())))) {
            List<ImageRecord> photos = PhotoLibrary.fill(library, dir.resolve("photos"), 5);
            LibraryQueries queries = opened.queries();

            assertThat(queries.count()).isEqualTo(5);
            assertThat(queries.count("dog", null)).isEqualTo(3);
            assertThat(queries.image(photos.get(1).id())).contains(photos.get(1));
            assertThat(queries.image(9_999)).isEmpty();
            assertThat(queries.newest(null, null, 0, 2)).containsExactly(photos.get(4), photos.get(3));
            assertThat(queries.imagesByIds(List.of(photos.get(0).id(), 9_999L))).containsExactly(photos.get(0));
            List<Long> walked = new ArrayList<>();
            queries.forEachImage(image -> walked.add(image.id()));
            assertThat(walked).containsExactlyElementsOf(photos.stream().map(ImageRecord::id).toList());

            List<Long> sorted = queries.sortedTree().objects().stream().flatMap(o -> o.subgroups().stream())
                    .flatMap(b -> b.clusters().stream()).filter(c -> !c.pending())
                    .flatMap((SubCluster c) -> c.imageIds().stream()).toList();
            assertThat(sorted).containsExactlyInAnyOrderElementsOf(walked);
            assertThat(queries.groupMembership().values().stream().mapToInt(List::size).sum()).isEqualTo(5);

            ImageFiles files = opened.files();
            assertThat(files.exists(photos.get(0))).isTrue();
            assertThat(files.localFile(photos.get(0))).contains(Path.of(photos.get(0).location()));
            try (var in = files.open(photos.get(0))) {
                assertThat(in.readAllBytes()).hasSize((int) photos.get(0).byteSize());
            }
            assertThat(files.thumbnail(photos.get(0), 128)).startsWith((byte) 0xFF, (byte) 0xD8);
        }
    }
}
