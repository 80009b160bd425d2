package org.imageorganizer.sync;

import org.imageorganizer.model.SyncListener;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imageorganizer.common.RetryPolicy;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.Library;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.testing.CloudinaryStandIn;
import org.imageorganizer.testing.PhotoLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing a synced image from a desktop library: its cloud copy goes or stays as the setting says; the original stays. */
@Tag("database")
class ImageRemoverTest {
    @TempDir
    Path dir;
    private CloudinaryStandIn standIn;
    private CloudinaryStorage cloud;
    private Library library;
    private List<ImageRecord> photos;

    @BeforeEach
    void setUp() throws Exception {
        standIn = new CloudinaryStandIn();
        cloud = new CloudinaryStorage(CloudinaryConfig.of(standIn.cloudinaryUrl())
                .withRetry(new RetryPolicy(2, Duration.ofMillis(10)), Duration.ofSeconds(5)));
        library = Library.open(dir.resolve("library"));
        photos = PhotoLibrary.fill(library, dir.resolve("photos"), 3);
        new SyncService(library.images(), library.remoteCopies(),
                new StorageRouter(new IndexedFiles(), new ManagedFolder(dir.resolve("storage"))), cloud, 2)
                .run(SyncListener.NONE, () -> false);
        assertThat(standIn.fake().assets()).hasSize(3);
    }

    @AfterEach
    void tearDown() {
        library.close();
        cloud.close();
        standIn.close();
    }

    private ImageRemover remover(Optional<RemoteStore> remote, ImageRemover.OnDelete onDelete) {
        return new ImageRemover(library.images(), library.remoteCopies(), new ManagedFolder(dir.resolve("storage")),
                remote, onDelete);
    }

    @Test
    void deleteRemovesTheCloudCopyAndNeverTheOriginal() throws Exception {
        ImageRecord photo = photos.get(0);
        ImageRemover.Removed removed = remover(Optional.of(cloud), ImageRemover.OnDelete.DELETE).remove(photo.id()).orElseThrow();

        assertThat(removed.remote()).isEqualTo(ImageRemover.RemoteOutcome.DELETED);
        assertThat(removed.fileDeleted()).isFalse();
        assertThat(Path.of(photo.location())).exists();
        assertThat(standIn.fake().assets()).hasSize(2).doesNotContainKey("image-organizer/" + photo.sha256());
        assertThat(library.remoteCopies().find(photo.id())).isEmpty();
    }

    @Test
    void keepTagsTheCloudCopy() throws Exception {
        ImageRecord photo = photos.get(1);
        assertThat(remover(Optional.of(cloud), ImageRemover.OnDelete.KEEP).remove(photo.id()).orElseThrow().remote())
                .isEqualTo(ImageRemover.RemoteOutcome.KEPT);
        assertThat(standIn.fake().assets().get("image-organizer/" + photo.sha256()).tags())
                .containsExactly(CloudinaryStorage.DELETED_TAG);
    }

    @Test
    void withoutCloudinaryTheImageStillGoesAndTheCopyIsLeft() throws Exception {
        ImageRecord photo = photos.get(2);
        assertThat(remover(Optional.empty(), ImageRemover.OnDelete.DELETE).remove(photo.id()).orElseThrow().remote())
                .isEqualTo(ImageRemover.RemoteOutcome.FAILED);
        assertThat(library.images().findById(photo.id())).isEmpty();
        assertThat(standIn.fake().assets()).hasSize(3);
        assertThat(remover(Optional.empty(), ImageRemover.OnDelete.DELETE).remove(photo.id())).isEmpty();
    }

    @Test
    void theSettingsWordsAreRead() {
        assertThat(ImageRemover.OnDelete.parse("keep")).isEqualTo(ImageRemover.OnDelete.KEEP);
        assertThat(ImageRemover.OnDelete.parse(null)).isEqualTo(ImageRemover.OnDelete.DELETE);
    }
}
