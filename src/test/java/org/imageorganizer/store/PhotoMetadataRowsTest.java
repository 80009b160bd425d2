package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.PhotoMetadata;
import org.imageorganizer.model.TakenRange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class PhotoMetadataRowsTest extends LibraryTestCase {
    private static final PhotoMetadata JUNE = PhotoMetadata.fromPhoto(LocalDateTime.of(2024, 6, 1, 14, 3, 9),
            ZoneOffset.ofHoursMinutes(5, 30), "Canon", "Canon EOS R6");

    private ImageRecord insert(String seed, PhotoMetadata metadata) {
        NewImage n = TestRecords.image(seed, "dog", "beach");
        return library.images().insert(new NewImage(n.sha256(), n.location(), n.fileName(), n.byteSize(), n.width(),
                n.height(), n.format(), n.storage(), n.classification(), n.embedding(), n.modelId(), null, null,
                metadata));
    }

    @Test
    void whatAnImportReadIsStoredAndReadBackEverywhere() {
        ImageRecord stored = insert("june", JUNE);
        assertThat(stored.metadata()).isEqualTo(JUNE);
        assertThat(library.images().findById(stored.id()).orElseThrow().metadata()).isEqualTo(JUNE);
        assertThat(library.images().listNewest(null, null, 0, 10).get(0).metadata().takenIso())
                .isEqualTo("2024-06-01T14:03:09+05:30");
        assertThat(library.photoMetadata().unread()).isEmpty();
    }

    @Test
    void aFileTimeIsKeptAsSuch() {
        PhotoMetadata file = PhotoMetadata.NONE.orFileTime(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
        ImageRecord stored = insert("file", file);
        PhotoMetadata back = library.images().findById(stored.id()).orElseThrow().metadata();
        assertThat(back.takenFrom()).isEqualTo(PhotoMetadata.TakenFrom.FILE_TIME);
        assertThat(back.takenIso()).isEqualTo("2023-03-04T05:06:07Z");
    }

    @Test
    void imagesNotReadYetAreListedUntilStored() {
        ImageRecord old = library.images().insert(TestRecords.image("old", "cat", "sofa")); // metadata not read
        insert("new", PhotoMetadata.NONE); // read: the photo says nothing
        assertThat(library.photoMetadata().unread()).containsExactly(old.id());
        assertThat(old.metadata()).isEqualTo(PhotoMetadata.NONE);

        assertThat(library.photoMetadata().store(old.id(), TestRecords.sha("other"), JUNE)).isFalse();
        assertThat(library.photoMetadata().store(old.id(), old.sha256(), JUNE)).isTrue();
        assertThat(library.photoMetadata().unread()).isEmpty();
        assertThat(library.images().findById(old.id()).orElseThrow().metadata()).isEqualTo(JUNE);
    }

    @Test
    void theDateFiltersGoByTheCameraClockAndLeaveUndatedPhotosOut() {
        ImageRecord may = insert("may", PhotoMetadata.fromPhoto(LocalDateTime.of(2024, 5, 31, 23, 59, 59), null, null, null));
        ImageRecord june = insert("june", JUNE);
        ImageRecord july = insert("july", PhotoMetadata.fromPhoto(LocalDateTime.of(2024, 7, 1, 0, 0), null, null, null));
        insert("undated", PhotoMetadata.NONE);
        TakenRange juneOnly = TakenRange.parse("2024-06", "2024-07", "after", "before");
        assertThat(library.images().listNewest(null, null, juneOnly, 0, 10)).extracting(ImageRecord::id)
                .containsExactly(june.id());
        assertThat(library.images().count(null, null, juneOnly)).isEqualTo(1);
        assertThat(library.images().count("dog", null, TakenRange.parse("2024", null, "a", "b"))).isEqualTo(3);
        assertThat(library.images().count("cat", null, TakenRange.parse("2024", null, "a", "b"))).isZero();
        assertThat(library.images().idsTaken(TakenRange.parse(null, "2024-07-01", "a", "b")))
                .containsExactly(may.id(), june.id());
        assertThat(library.images().count(null, null, TakenRange.ANY)).isEqualTo(4);
        assertThat(library.images().listNewest(null, null, TakenRange.parse("2024-07-01T00:00", null, "a", "b"), 0, 10))
                .extracting(ImageRecord::id).containsExactly(july.id());
    }

    @Test
    void nonsenseInTheColumnsReadsAsUnknownNotAsAnError() throws Exception {
        ImageRecord stored = insert("odd", JUNE);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("library")
                + ";AUTO_SERVER=TRUE", "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE image SET taken_from = 'SUNDIAL', taken_offset_s = 999999 WHERE id = " + stored.id());
        }
        PhotoMetadata back = library.images().findById(stored.id()).orElseThrow().metadata();
        assertThat(back.taken()).isNull();
        assertThat(back.camera()).isEqualTo("Canon EOS R6");
        assertThat(back.takenIso()).isNull();
    }
}
