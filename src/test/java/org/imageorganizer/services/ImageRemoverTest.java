package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.common.RetryPolicy;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.NewImage;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.store.UploadStore;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.sync.SyncService;
import org.imageorganizer.testing.CloudinaryStandIn;
import org.imageorganizer.testing.PhotoLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing an image, the one way: its cloud copy goes or stays as the setting says, an upload's
 * managed file goes, the original stays, and the clusterer is told once per removal.
 */
@Tag("database")
class ImageRemoverTest {
    @TempDir
    Path dir;
    private CloudinaryStandIn standIn;
    private CloudinaryStorage cloud;
    private LibraryDatabase library;
    private List<ImageRecord> photos;
    private final AtomicInteger told = new AtomicInteger();
    private final LibraryObserver observer = told::incrementAndGet;

    @BeforeEach
    void setUp() throws Exception {
        standIn = new CloudinaryStandIn();
        cloud = new CloudinaryStorage(CloudinaryConfig.of(standIn.cloudinaryUrl())
                .withRetry(new RetryPolicy(2, Duration.ofMillis(10)), Duration.ofSeconds(5)));
        library = LibraryDatabase.open(dir.resolve("library"));
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
                remote, onDelete, observer);
    }

    @Test
    void deleteRemovesTheCloudCopyAndNeverTheOriginal() throws Exception {
        ImageRecord photo = photos.get(0);
        ImageRemoval.Removed removed = remover(Optional.of(cloud), ImageRemover.OnDelete.DELETE).remove(photo.id()).orElseThrow();

        assertThat(removed.remote()).isEqualTo(ImageRemoval.RemoteOutcome.DELETED);
        assertThat(removed.fileDeleted()).isFalse();
        assertThat(removed.copyDeleted()).isTrue();
        assertThat(Path.of(photo.location())).exists();
        assertThat(standIn.fake().assets()).hasSize(2).doesNotContainKey("image-organizer/" + photo.sha256());
        assertThat(library.remoteCopies().find(photo.id())).isEmpty();
        assertThat(told).hasValue(1);
    }

    @Test
    void keepTagsTheCloudCopy() throws Exception {
        ImageRecord photo = photos.get(1);
        ImageRemoval.Removed removed = remover(Optional.of(cloud), ImageRemover.OnDelete.KEEP).remove(photo.id()).orElseThrow();
        assertThat(removed.remote()).isEqualTo(ImageRemoval.RemoteOutcome.KEPT);
        assertThat(removed.copyDeleted()).isFalse();
        assertThat(standIn.fake().assets().get("image-organizer/" + photo.sha256()).tags())
                .containsExactly(CloudinaryStorage.DELETED_TAG);
        assertThat(told).hasValue(1);
    }

    @Test
    void withoutCloudinaryTheImageStillGoesAndTheCopyIsLeft() throws Exception {
        ImageRecord photo = photos.get(2);
        assertThat(remover(Optional.empty(), ImageRemover.OnDelete.DELETE).remove(photo.id()).orElseThrow().remote())
                .isEqualTo(ImageRemoval.RemoteOutcome.FAILED);
        assertThat(library.images().findById(photo.id())).isEmpty();
        assertThat(standIn.fake().assets()).hasSize(3);
        assertThat(told).hasValue(1);
        assertThat(remover(Optional.empty(), ImageRemover.OnDelete.DELETE).remove(photo.id())).isEmpty();
        assertThat(told).as("nothing removed: nobody told").hasValue(1);
    }

    @Test
    void anUploadsManagedFileGoesWithIt() throws Exception {
        ManagedFolder managed = new ManagedFolder(dir.resolve("storage"));
        byte[] content = Files.readAllBytes(Path.of(photos.get(0).location()));
        content[content.length - 3] ^= 1; // another content, so another image
        String sha256 = DigestUtils.sha256Hex(content);
        UploadStore.Stored stored = managed.store(sha256, content, "jpg");
        ImageRecord upload = library.images().insert(new NewImage(sha256, stored.location(), "upload.jpg", content.length,
                48, 40, "jpeg", stored.kind(), new Classification(new Label("dog", 0.9), new Label("indoor", 0.8)),
                new float[16], PhotoLibrary.MODEL));
        Path file = managed.localFile(upload).orElseThrow();
        assertThat(file).exists();

        ImageRemoval.Removed removed = ImageRemover.local(library.images(), managed, observer).remove(upload.id()).orElseThrow();

        assertThat(removed.fileDeleted()).isTrue();
        assertThat(removed.copyDeleted()).isTrue();
        assertThat(removed.remote()).isEqualTo(ImageRemoval.RemoteOutcome.NONE);
        assertThat(file).doesNotExist();
        assertThat(told).hasValue(1);
    }

    @Test
    void theSettingsWordsAreRead() {
        assertThat(ImageRemover.OnDelete.parse("keep")).isEqualTo(ImageRemover.OnDelete.KEEP);
        assertThat(ImageRemover.OnDelete.parse("mark")).isEqualTo(ImageRemover.OnDelete.KEEP);
        assertThat(ImageRemover.OnDelete.parse(null)).isEqualTo(ImageRemover.OnDelete.DELETE);
        assertThat(ImageRemover.OnDelete.parse(" Delete ")).isEqualTo(ImageRemover.OnDelete.DELETE);
    }
}
