package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class ImageLocationsTest extends LibraryTestCase {

    private ImageRepository images;
    private ImageLocations locations;

    @BeforeEach
    void open() {
        images = library.images();
        locations = library.locations();
    }

    @Test
    void relocateChangesLocationButNotTheLibraryVersion() {
        ImageRecord r = images.insert(TestRecords.image("moved", "dog", "beach"));
        locations.relocate(r.id(), "/new/place.jpg", "place.jpg");
        ImageRecord moved = images.findById(r.id()).orElseThrow();
        assertThat(moved.location()).isEqualTo("/new/place.jpg");
        assertThat(moved.fileName()).isEqualTo("place.jpg");
        assertThat(moved.sha256()).isEqualTo(r.sha256());
        assertThat(library.info().libraryVersion()).isEqualTo(1);
        assertThatThrownBy(() -> locations.relocate(r.id() + 1000, "/x", "x"))
                .isInstanceOf(NoSuchElementException.class);
    }

    /** {@code image} with a file modification time, as an import of an indexed file stores it. */
    private static NewImage withTime(NewImage n, Long modified) {
        return new NewImage(n.sha256(), n.location(), n.fileName(), n.byteSize(), n.width(), n.height(), n.format(),
                n.storage(), n.classification(), n.embedding(), n.modelId(), modified);
    }

    @Test
    void unchangedFilesAreThoseWithTheLocationSizeAndTimeTheLibraryRecorded() {
        ImageRecord kept = images.insert(withTime(TestRecords.image("kept", "dog", "beach"), 1_000L));
        ImageRecord touched = images.insert(withTime(TestRecords.image("touched", "dog", "beach"), 2_000L));
        ImageRecord noTime = images.insert(TestRecords.image("notime", "cat", "indoor"));
        NewImage upload = TestRecords.image("upload", "cat", "indoor");
        images.insert(withTime(new NewImage(upload.sha256(), "managed/upload.jpg", "upload.jpg", upload.byteSize(),
                640, 480, "jpeg", StorageKind.MANAGED, upload.classification(), upload.embedding(), upload.modelId()), 3_000L));

        var unchanged = locations.unchangedFiles(List.of(
                new FileStamp(kept.location(), kept.byteSize(), 1_000L),
                new FileStamp(touched.location(), touched.byteSize(), 2_001L),
                new FileStamp(noTime.location(), noTime.byteSize(), 0L),
                new FileStamp("managed/upload.jpg", upload.byteSize(), 3_000L),
                new FileStamp("/photos/elsewhere/kept.jpg", kept.byteSize(), 1_000L),
                new FileStamp(kept.location() + ".bak", kept.byteSize() + 1, 1_000L)));

        assertThat(unchanged).containsOnlyKeys(kept.location());
        assertThat(unchanged.get(kept.location())).isEqualTo(kept);
        assertThat(locations.unchangedFiles(List.of(new FileStamp(kept.location(), kept.byteSize() + 1, 1_000L)))).isEmpty();
        assertThat(locations.unchangedFiles(List.of())).isEmpty();
    }

    @Test
    void aRecordedOrMovedFileTimeMakesTheFileUnchangedWithoutChangingTheLibraryVersion() {
        ImageRecord read = images.insert(TestRecords.image("read", "dog", "beach"));
        ImageRecord moved = images.insert(withTime(TestRecords.image("moved", "dog", "beach"), 5L));
        long version = library.info().libraryVersion();

        assertThat(locations.recordFileModified(read.id(), read.location(), 7L)).isTrue();
        locations.relocate(moved.id(), "/new/moved.jpg", "moved.jpg", 9L);

        assertThat(locations.unchangedFiles(List.of(new FileStamp(read.location(), read.byteSize(), 7L),
                new FileStamp("/new/moved.jpg", moved.byteSize(), 9L),
                new FileStamp(moved.location(), moved.byteSize(), 5L)))).containsOnlyKeys(read.location(), "/new/moved.jpg");
        locations.relocate(moved.id(), "/newer/moved.jpg", "moved.jpg");
        assertThat(locations.unchangedFiles(List.of(new FileStamp("/newer/moved.jpg", moved.byteSize(), 9L)))).isEmpty();
        assertThat(locations.recordFileModified(moved.id() + 1000, "/nowhere.jpg", 1L)).isFalse();
        assertThat(library.info().libraryVersion()).isEqualTo(version);
    }

    @Test
    void unchangedFilesAreLookedUpInChunksOfSizes() {
        List<FileStamp> stamps = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            stamps.add(new FileStamp("/photos/missing" + i + ".jpg", 10_000 + i, i));
        }
        ImageRecord last = images.insert(withTime(TestRecords.image("last", "dog", "beach"), 42L));
        stamps.add(new FileStamp(last.location(), last.byteSize(), 42L));
        assertThat(locations.unchangedFiles(stamps)).containsOnlyKeys(last.location());
    }

    @Test
    void everyLocationIsHandedOverPageByPage() {
        for (String seed : List.of("a", "b", "c", "d", "e")) {
            images.insert(TestRecords.image(seed, "dog", "beach"));
        }
        images.delete(images.findBySha256(TestRecords.sha("b")).orElseThrow().id());
        List<String> seen = new java.util.ArrayList<>();

        locations.forEachLocation(2, seen::add);

        assertThat(seen).containsExactly("/photos/a.jpg", "/photos/c.jpg", "/photos/d.jpg", "/photos/e.jpg");
    }

    @Test
    void everyPlaceAPhotoIsInIsKeptAndAPathHoldsOneContentAtATime() {
        ImageRecord photo = images.insert(withTime(TestRecords.image("photo", "dog", "beach"), 1_000L));
        ImageRecord other = images.insert(TestRecords.image("other", "cat", "indoor"));
        long version = library.info().libraryVersion();

        assertThat(locations.locationsOf(photo.id())).containsExactly(photo.location());
        assertThat(locations.recordCopy(photo.id(), "/backup/photo.jpg", "photo.jpg", 2_000L)).isTrue();
        assertThat(locations.recordCopy(photo.id(), "/backup/photo.jpg", "photo.jpg", 2_500L)).isTrue(); // again: one row
        assertThat(locations.locationsOf(photo.id())).containsExactly("/backup/photo.jpg", photo.location());
        assertThat(locations.unchangedFiles(List.of(new FileStamp("/backup/photo.jpg", photo.byteSize(), 2_500L))))
                .containsOnlyKeys("/backup/photo.jpg").containsValue(photo);

        // the backup file was overwritten with the other photo: the path now belongs to it alone
        assertThat(locations.recordCopy(other.id(), "/backup/photo.jpg", "photo.jpg", 3_000L)).isTrue();
        assertThat(locations.locationsOf(photo.id())).containsExactly(photo.location());
        assertThat(locations.locationsOf(other.id())).containsExactly("/backup/photo.jpg", other.location());
        assertThat(locations.recordCopy(other.id() + 1000, "/x.jpg", "x.jpg", null)).isFalse();
        assertThat(library.info().libraryVersion()).as("locations do not change clusters").isEqualTo(version);

        images.delete(other.id());
        assertThat(locations.locationsOf(other.id())).isEmpty();
        assertThat(locations.unchangedFiles(List.of(new FileStamp("/backup/photo.jpg", other.byteSize(), 3_000L)))).isEmpty();
    }

    @Test
    void aMovedPhotoTakesItsLocationAlongAndUploadsHaveNone() {
        ImageRecord photo = images.insert(TestRecords.image("moving", "dog", "beach"));
        locations.recordCopy(photo.id(), "/copy/moving.jpg", "moving.jpg", 5L);
        locations.relocate(photo.id(), "/new/moving.jpg", "moving.jpg", 9L);
        assertThat(locations.locationsOf(photo.id())).containsExactly("/copy/moving.jpg", "/new/moving.jpg");

        NewImage upload = TestRecords.image("uploaded", "cat", "indoor");
        ImageRecord managed = images.insert(new NewImage(upload.sha256(), "managed/up.jpg", "up.jpg", upload.byteSize(),
                640, 480, "jpeg", StorageKind.MANAGED, upload.classification(), upload.embedding(), upload.modelId()));
        assertThat(locations.locationsOf(managed.id())).isEmpty();
    }
}
