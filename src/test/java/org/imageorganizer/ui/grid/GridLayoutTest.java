package org.imageorganizer.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.PhotoMetadata;
import org.imageorganizer.model.StorageKind;
import org.junit.jupiter.api.Test;

/** The grid's rows: photos cut by columns, a header wherever the month changes; up and down keep the column. */
class GridLayoutTest {
    static ImageRecord photo(long id, LocalDateTime taken) {
        return new ImageRecord(id, "%064x".formatted(id), "/p/" + id + ".jpg", id + ".jpg", 10, 100, 80, "jpeg",
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(id),
                new Classification(new Label("dog", 0.9), new Label("beach", 0.8)), StorageKind.INDEXED,
                taken == null ? PhotoMetadata.NONE : PhotoMetadata.fromPhoto(taken, null, null, null));
    }

    private static List<ImageRecord> photos(int count, LocalDateTime taken, long firstId) {
        List<ImageRecord> photos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            photos.add(photo(firstId + i, taken == null ? null : taken.minusHours(i)));
        }
        return photos;
    }

    @Test
    void withoutSectionsThePhotosFillRowsOfTheColumns() {
        GridLayout layout = GridLayout.of(photos(7, null, 1), 3, null);

        assertThat(layout.rows()).containsExactly(new GridRow.Photos(0, 3), new GridRow.Photos(3, 6),
                new GridRow.Photos(6, 7));
        assertThat(layout.rowOf(6)).isEqualTo(2);
    }

    @Test
    void aHeaderStartsEachMonthAndAMonthStartsANewRow() {
        List<ImageRecord> images = new ArrayList<>(photos(4, LocalDateTime.of(2024, 6, 20, 12, 0), 1));
        images.addAll(photos(2, LocalDateTime.of(2024, 5, 3, 12, 0), 10));
        images.addAll(photos(1, null, 20));

        GridLayout layout = GridLayout.of(images, 3, PhotoOrder.DATE_TAKEN.sections(Locale.ENGLISH, java.time.ZoneOffset.UTC));

        assertThat(layout.rows()).containsExactly(
                new GridRow.Header("June 2024"), new GridRow.Photos(0, 3), new GridRow.Photos(3, 4),
                new GridRow.Header("May 2024"), new GridRow.Photos(4, 6),
                new GridRow.Header("No date"), new GridRow.Photos(6, 7));
    }

    @Test
    void upAndDownKeepTheColumnAcrossHeadersAndStopAtTheEnds() {
        List<ImageRecord> images = new ArrayList<>(photos(4, LocalDateTime.of(2024, 6, 20, 12, 0), 1));
        images.addAll(photos(3, LocalDateTime.of(2024, 5, 3, 12, 0), 10));
        GridLayout layout = GridLayout.of(images, 3, PhotoOrder.DATE_TAKEN.sections(Locale.ENGLISH, java.time.ZoneOffset.UTC));

        assertThat(layout.below(1)).isEqualTo(3); // to the second June row, shorter: its last photo
        assertThat(layout.below(3)).isEqualTo(4); // over the May header, first column
        assertThat(layout.below(2)).isEqualTo(3);
        assertThat(layout.above(6)).isEqualTo(3); // May's third column, up to June's short row
        assertThat(layout.above(1)).isEqualTo(0);
        assertThat(layout.below(5)).isEqualTo(6);
    }

    @Test
    void aHundredThousandPhotosMakeOneRowPerColumnsWorthAndAHeaderPerMonth() {
        List<ImageRecord> images = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2024, 12, 31, 23, 0);
        for (int i = 0; i < 100_000; i++) {
            images.add(photo(i + 1, start.minusHours(i))); // about 137 months of hourly photos
        }
        GridLayout layout = GridLayout.of(images, 7, PhotoOrder.DATE_TAKEN.sections(Locale.ENGLISH, java.time.ZoneOffset.UTC));

        long headers = layout.rows().stream().filter(GridRow.Header.class::isInstance).count();
        long photoRows = layout.rows().size() - headers;
        long months = images.stream().map(i -> java.time.YearMonth.from(i.metadata().taken())).distinct().count();
        assertThat(headers).isEqualTo(months).isGreaterThan(130);
        assertThat(photoRows).isBetween(100_000L / 7, 100_000L / 7 + headers);
        assertThat(layout.rows().stream().filter(GridRow.Photos.class::isInstance)
                .mapToInt(r -> ((GridRow.Photos) r).size()).sum()).isEqualTo(100_000);
    }
}
