package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.grid.GridLayoutTest.photo;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.PhotoMetadata;
import org.junit.jupiter.api.Test;

/** The grid's orders and the words of its dates: newest taken first, undated after by import; month headers. */
class PhotoOrderTest {
    @Test
    void byDateTakenNewestFirstThenThePhotosWithoutADateNewestImportFirst() {
        ImageRecord june = photo(1, LocalDateTime.of(2024, 6, 2, 10, 0));
        ImageRecord undatedOld = photo(2, null);
        ImageRecord may = photo(3, LocalDateTime.of(2024, 5, 30, 10, 0));
        ImageRecord undatedNew = photo(4, null);
        ImageRecord lateJune = photo(5, LocalDateTime.of(2024, 6, 28, 18, 0));
        List<ImageRecord> images = new ArrayList<>(List.of(june, undatedOld, may, undatedNew, lateJune));

        images.sort(PhotoOrder.DATE_TAKEN.comparator());

        assertThat(images).containsExactly(lateJune, june, may, undatedNew, undatedOld);
        assertThat(images.stream().map(PhotoOrder.DATE_TAKEN.sections(Locale.ENGLISH, ZoneOffset.UTC)).distinct().toList())
                .containsExactly("June 2024", "May 2024", "No date");
    }

    @Test
    void byDateAddedNewestImportFirstUnderTheMonthItWasAdded() {
        ImageRecord first = photo(1, LocalDateTime.of(2030, 1, 1, 0, 0));
        ImageRecord second = photo(2, null);
        List<ImageRecord> images = new ArrayList<>(List.of(first, second));

        images.sort(PhotoOrder.DATE_ADDED.comparator());

        assertThat(images).containsExactly(second, first);
        assertThat(PhotoOrder.DATE_ADDED.sections(Locale.ENGLISH, ZoneOffset.UTC).apply(first)).isEqualTo("January 2025");
    }

    @Test
    void monthsAndCaptionsAreInTheUsersLanguage() {
        ImageRecord photo = photo(1, LocalDateTime.of(2024, 6, 3, 15, 4));

        assertThat(MonthSections.title(photo.metadata().taken(), Locale.GERMAN)).isEqualTo("Juni 2024");
        assertThat(MonthSections.title(photo.metadata().taken(), Locale.FRENCH)).isEqualTo("Juin 2024");
        assertThat(MonthSections.caption(photo, Locale.US)).isEqualTo("Jun 3, 2024");
        assertThat(MonthSections.caption(photo(2, null), Locale.US)).isEmpty();
        assertThat(MonthSections.fromFileTime(photo)).isFalse();
    }

    @Test
    void aFileTimeIsMarkedAsSuch() {
        ImageRecord base = photo(1, null);
        PhotoMetadata fileTime = PhotoMetadata.NONE.orFileTime(java.time.Instant.parse("2023-02-01T10:00:00Z"), ZoneOffset.UTC);
        ImageRecord dated = new ImageRecord(base.id(), base.sha256(), base.location(), base.fileName(), base.byteSize(),
                base.width(), base.height(), base.format(), base.importedAt(), base.classification(), base.storage(), fileTime);

        assertThat(MonthSections.fromFileTime(dated)).isTrue();
        assertThat(PhotoOrder.DATE_TAKEN.sections(Locale.ENGLISH, ZoneOffset.UTC).apply(dated)).isEqualTo("February 2023");
    }

    @Test
    void sortingWithKeysWorkedOutOnceGivesTheComparatorsOrder() {
        java.util.Random random = new java.util.Random(19);
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            LocalDateTime taken = random.nextInt(4) == 0 ? null : LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(random.nextInt(50_000));
            images.add(photo(random.nextInt(200) + 1L + i * 1000L, taken));
        }
        for (PhotoOrder order : PhotoOrder.values()) {
            List<ImageRecord> expected = new ArrayList<>(images);
            expected.sort(order.comparator());
            assertThat(order.sorted(images)).as(order.label()).containsExactlyElementsOf(expected);
        }
    }
}
