package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.PhotoMetadata;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.NewImage;
import org.imageorganizer.store.StorageRouter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos imported before dates were read get them from their file in the background; a missing, a changed and a
 * remote-only photo stay without and are tried again, and nothing stops the pass.
 */
@Tag("database")
class PhotoMetadataBackfillTest {
    @TempDir
    Path dir;

    @Test
    void olderPhotosGainTheirDateFromTheirFileAndTheRestStayWithout() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        byte[] dated = sample("taken-with-offset.jpg");
        byte[] undated = sample("no-exif.jpg");
        List<NewImage> rows = new ArrayList<>();
        rows.add(row(write(photos.resolve("dated.jpg"), dated), dated, StorageKind.INDEXED));
        Path plain = write(photos.resolve("plain.jpg"), undated);
        Files.setLastModifiedTime(plain, FileTime.from(Instant.parse("2019-05-06T07:08:09Z")));
        rows.add(row(plain, undated, StorageKind.INDEXED));
        rows.add(row(photos.resolve("gone.jpg"), "was here".getBytes(), StorageKind.INDEXED));
        Path changed = write(photos.resolve("changed.jpg"), dated);
        rows.add(row(changed, "what it held when it was imported".getBytes(), StorageKind.INDEXED));
        rows.add(row(Path.of("cloud-key.jpg"), "only in the cloud".getBytes(), StorageKind.CLOUDINARY));

        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("library"))) {
            List<Long> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(library.images().insert(r).id())); // as a library from before schema version 10
            assertThat(library.photoMetadata().unread()).containsExactlyElementsOf(ids);
            PhotoMetadataBackfill backfill = new PhotoMetadataBackfill(library.photoMetadata(), library.images(),
                    new StorageRouter(new IndexedFiles(), new ManagedFolder(dir.resolve("managed"))),
                    new SafeImageDecoder(), ZoneOffset.UTC);
            AtomicInteger told = new AtomicInteger();

            PhotoMetadataBackfill.Outcome outcome = backfill.run(() -> false, told::incrementAndGet);

            assertThat(outcome).isEqualTo(new PhotoMetadataBackfill.Outcome(2, 3));
            assertThat(told).hasValue(1);
            List<PhotoMetadata> read = library.images().listByIds(ids).stream().map(ImageRecord::metadata).toList();
            assertThat(read.get(0).takenIso()).isEqualTo("2024-07-14T18:32:05+02:00");
            assertThat(read.get(0).takenFrom()).isEqualTo(PhotoMetadata.TakenFrom.PHOTO);
            assertThat(read.get(1).taken()).isEqualTo(LocalDateTime.of(2019, 5, 6, 7, 8, 9));
            assertThat(read.get(1).takenFrom()).isEqualTo(PhotoMetadata.TakenFrom.FILE_TIME);
            assertThat(read.subList(2, 5)).containsOnly(PhotoMetadata.NONE);
            assertThat(library.photoMetadata().unread()).containsExactlyElementsOf(ids.subList(2, 5));

            assertThat(backfill.run(() -> false, told::incrementAndGet)).isEqualTo(new PhotoMetadataBackfill.Outcome(0, 3));
            assertThat(told).as("nothing new to show").hasValue(1);
        }
    }

    @Test
    void aCancelledPassStopsBetweenPhotos() throws Exception {
        byte[] dated = sample("taken-local.jpg");
        Path file = write(Files.createDirectories(dir.resolve("p")).resolve("a.jpg"), dated);
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("library"))) {
            library.images().insert(row(file, dated, StorageKind.INDEXED));
            PhotoMetadataBackfill backfill = new PhotoMetadataBackfill(library.photoMetadata(), library.images(),
                    new StorageRouter(new IndexedFiles(), new ManagedFolder(dir.resolve("managed"))),
                    new SafeImageDecoder(), ZoneOffset.UTC);
            assertThat(backfill.run(() -> true, () -> { })).isEqualTo(new PhotoMetadataBackfill.Outcome(0, 0));
            assertThat(library.photoMetadata().unread()).hasSize(1);
        }
    }

    private static byte[] sample(String name) throws Exception {
        try (var in = PhotoMetadataBackfillTest.class.getResourceAsStream("/metadata/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Path write(Path file, byte[] content) throws Exception {
        return Files.write(file, content);
    }

    private static NewImage row(Path file, byte[] content, StorageKind storage) {
        return new NewImage(DigestUtils.sha256Hex(content), storage == StorageKind.INDEXED
                ? file.toAbsolutePath().toString() : file.toString(), file.getFileName().toString(), content.length,
                640, 480, "jpeg", storage, new Classification(new Label("thing", 0.9), new Label("place", 0.8)),
                new float[] {1, 0, 0}, "test-model");
    }
}
