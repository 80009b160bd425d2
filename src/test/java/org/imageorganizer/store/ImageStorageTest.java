package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStorageTest {
    @TempDir
    Path dir;

    private static ImageRecord record(String location, StorageKind kind) {
        return new ImageRecord(1, "0".repeat(64), location, "a.jpg", 3, 1, 1, "jpeg", Instant.EPOCH,
                new Classification(new Label("cat", 0.9), new Label("indoor", 0.8)), kind);
    }

    @Test
    void managedCopiesGetGeneratedNamesAndCanBeReadAndDeleted() throws IOException {
        StorageRouter storage = new StorageRouter(new IndexedFiles(), new ManagedFolder(dir.resolve("managed")));
        String key = storage.managed().store(new ByteArrayInputStream(new byte[] {1, 2, 3}), "JPG");
        assertThat(key).matches("[0-9a-f]{32}\\.jpg");
        ImageRecord image = record(key, StorageKind.MANAGED);
        assertThat(storage.exists(image)).isTrue();
        try (InputStream in = storage.open(image)) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        try (var files = Files.list(dir.resolve("managed"))) {
            assertThat(files).hasSize(1); // no temporary file left behind
        }
        assertThat(storage.managed().delete(key)).isTrue();
        assertThat(storage.exists(image)).isFalse();
    }

    @Test
    void aManagedKeyCannotPointOutsideTheFolder() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "x");
        ManagedFolder managed = new ManagedFolder(dir.resolve("managed"));
        assertThat(managed.localFile(record("../secret.txt", StorageKind.MANAGED))).isEmpty();
        assertThat(managed.exists(record("/etc/passwd", StorageKind.MANAGED))).isFalse();
        assertThat(managed.delete("../secret.txt")).isFalse();
        assertThat(dir.resolve("secret.txt")).exists();
        assertThat(managed.store(new ByteArrayInputStream(new byte[] {4}), "../../x")).matches("[0-9a-f]{32}");
    }

    @Test
    void indexedOriginalsAreTheirAbsolutePaths() throws IOException {
        Path photo = Files.write(dir.resolve("photo.jpg"), new byte[] {9});
        IndexedFiles indexed = new IndexedFiles();
        assertThat(indexed.exists(record(photo.toString(), StorageKind.INDEXED))).isTrue();
        assertThat(indexed.localFile(record(photo.toString(), StorageKind.INDEXED))).contains(photo);
        assertThat(indexed.exists(record("relative/photo.jpg", StorageKind.INDEXED))).isFalse();
        Files.delete(photo);
        assertThat(indexed.exists(record(photo.toString(), StorageKind.INDEXED))).isFalse();
    }

    @Test
    void leftoversOfACrashedUploadAreRemovedButAnotherProcesssRunningUploadIsKept() throws IOException {
        ManagedFolder managed = new ManagedFolder(dir.resolve("managed"));
        Path folder = Files.createDirectories(dir.resolve("managed"));
        Path crashed = Files.write(folder.resolve(".upload-1.part"), new byte[] {1});
        Files.setLastModifiedTime(crashed, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));
        Path running = Files.write(folder.resolve(".upload-2.part"), new byte[] {2});

        managed.removeLeftovers(Instant.now().minusSeconds(600));

        assertThat(crashed).doesNotExist();
        assertThat(running).exists();
    }
}
