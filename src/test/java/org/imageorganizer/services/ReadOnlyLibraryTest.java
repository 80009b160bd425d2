package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.cluster.StoredTree;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryReader;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.testing.PhotoLibrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only commands' library: the queries over JDBC, and the full library opened only to recompute stale clusters. */
@Tag("database")
class ReadOnlyLibraryTest {
    @TempDir
    Path dir;

    private final AtomicInteger fullOpens = new AtomicInteger();
    private final AtomicInteger thumbnailCaches = new AtomicInteger();

    private Path library() {
        return dir.resolve("library.mv.db");
    }

    private StorageRouter storage() {
        return new StorageRouter(new IndexedFiles(), new ManagedFolder(dir.resolve("storage")));
    }

    /** The full path as the wiring builds it, counting how often it is opened. */
    private Supplier<OpenedLibrary> fullPath() {
        return () -> {
            fullOpens.incrementAndGet();
            LibraryDatabase db = LibraryDatabase.open(library());
            return new StoreLibrary(db, new LibraryClusterer(db.images(), db.clusters(), db.info(), ClusterSettings.defaults(),
                    Duration.ofMinutes(10)), storage(), new ThumbnailCache(dir.resolve("thumbnails"),
                    new Thumbnailer(new SafeImageDecoder())));
        };
    }

    private ReadOnlyLibrary readOnly() {
        return new ReadOnlyLibrary(LibraryReader.open(library()).orElseThrow(), new StoredTree(ClusterSettings.defaults()),
                new StoredImageFiles(storage(), () -> {
                    thumbnailCaches.incrementAndGet();
                    return new ThumbnailCache(dir.resolve("thumbnails"), new Thumbnailer(new SafeImageDecoder()));
                }), fullPath());
    }

    @Test
    void readsAsTheFullLibraryDoesAndOpensItOnlyWhileTheClusteringIsStale() throws Exception {
        List<ImageRecord> photos;
        try (LibraryDatabase db = LibraryDatabase.open(library())) {
            photos = PhotoLibrary.fill(db, dir.resolve("photos"), 6);
        }
        OrganizedTree sorted;
        try (ReadOnlyLibrary opened = readOnly()) {
            assertThat(opened.queries().tree().stale()).as("never clustered").isTrue();
            sorted = opened.queries().sortedTree();
            assertThat(opened.openedFully()).isTrue();
            assertThat(opened.queries().sortedTree()).isEqualTo(sorted);
        }
        assertThat(fullOpens).hasValue(1);

        try (ReadOnlyLibrary opened = readOnly(); OpenedLibrary full = fullPath().get()) {
            LibraryQueries queries = opened.queries();
            LibraryQueries expected = full.queries();
            assertThat(queries.sortedTree()).isEqualTo(sorted).isEqualTo(expected.sortedTree());
            assertThat(queries.tree()).isEqualTo(sorted);
            assertThat(opened.openedFully()).as("the stored clustering is current").isFalse();
            assertThat(queries.count()).isEqualTo(expected.count()).isEqualTo(6);
            assertThat(queries.count("dog", null)).isEqualTo(expected.count("dog", null));
            assertThat(queries.image(photos.get(1).id())).contains(photos.get(1));
            assertThat(queries.image(9_999)).isEmpty();
            assertThat(queries.newest(null, null, 0, 2)).isEqualTo(expected.newest(null, null, 0, 2));
            assertThat(queries.page("dog", null, 1, 1)).isEqualTo(expected.page("dog", null, 1, 1));
            assertThat(queries.imagesByIds(List.of(photos.get(0).id(), 9_999L))).containsExactly(photos.get(0));
            assertThat(queries.groupMembership()).isEqualTo(expected.groupMembership());
            List<ImageRecord> walked = new ArrayList<>();
            queries.forEachImage(walked::add);
            assertThat(walked).containsExactlyElementsOf(photos);

            ImageFiles files = opened.files();
            assertThat(files.localFile(photos.get(0))).contains(Path.of(photos.get(0).location()));
            assertThat(thumbnailCaches).as("no decoder until a thumbnail is asked for").hasValue(0);
            assertThat(files.thumbnail(photos.get(0), 128)).startsWith((byte) 0xFF, (byte) 0xD8);
            assertThat(files.thumbnail(photos.get(1), 128)).startsWith((byte) 0xFF, (byte) 0xD8);
            assertThat(thumbnailCaches).hasValue(1);
        }
        assertThat(fullOpens).hasValue(2); // the comparison's own
    }

    @Test
    void forEachImageWalksEveryPageInIdOrder() {
        List<ImageRecord> photos;
        try (LibraryDatabase db = LibraryDatabase.open(library())) {
            photos = PhotoLibrary.fill(db, dir.resolve("photos"), StoredLibraryQueries.PAGE + 3);
        }
        try (ReadOnlyLibrary opened = readOnly()) {
            List<ImageRecord> walked = new ArrayList<>();
            opened.queries().forEachImage(walked::add);
            assertThat(walked).containsExactlyElementsOf(photos);
        }
    }
}
