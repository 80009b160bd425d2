package org.imageorganizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TakenRangeTest {
    private static TakenRange parse(String after, String before) {
        return TakenRange.parse(after, before, "taken_after", "taken_before");
    }

    @Test
    void aYearAMonthADayOrATimeEachStandForTheirFirstMoment() {
        assertThat(parse("2024", null).from()).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        assertThat(parse("2024-06", null).from()).isEqualTo(LocalDateTime.of(2024, 6, 1, 0, 0));
        assertThat(parse(" 2024-06-15 ", null).from()).isEqualTo(LocalDateTime.of(2024, 6, 15, 0, 0));
        assertThat(parse(null, "2024-06-15T14:30").before()).isEqualTo(LocalDateTime.of(2024, 6, 15, 14, 30));
        assertThat(parse(null, "2024-06-15 14:30:05").before()).isEqualTo(LocalDateTime.of(2024, 6, 15, 14, 30, 5));
        assertThat(parse("", "  ").isAny()).isTrue();
    }

    @Test
    void unreadableOrEmptyRangesAreRefusedWithASentenceNamingTheBound() {
        assertThatThrownBy(() -> parse("yesterday", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("taken_after must be a date such as 2024-06-01").hasMessageContaining("\"yesterday\"");
        assertThatThrownBy(() -> parse(null, "2024-02-30")).hasMessage("taken_before is not a real date: \"2024-02-30\".");
        assertThatThrownBy(() -> parse("2024-06-01T10:00+02:00", null)).hasMessageContaining("without a time zone");
        assertThatThrownBy(() -> parse("2024-07", "2024-06")).hasMessageContaining("must come after its start");
        assertThatThrownBy(() -> parse("2024\n\u0000" + "9".repeat(100), null)).hasMessageContaining("?")
                .hasMessageNotContaining("\u0000").hasMessageContaining("…");
    }

    @Test
    void theStartIsInTheEndIsOutAndUndatedPhotosAreOutsideABoundedRange() {
        TakenRange june = parse("2024-06", "2024-07");
        assertThat(june.contains(at(LocalDateTime.of(2024, 6, 1, 0, 0)))).isTrue();
        assertThat(june.contains(at(LocalDateTime.of(2024, 6, 30, 23, 59, 59)))).isTrue();
        assertThat(june.contains(at(LocalDateTime.of(2024, 7, 1, 0, 0)))).isFalse();
        assertThat(june.contains(at(LocalDateTime.of(2024, 5, 31, 23, 59)))).isFalse();
        assertThat(june.contains(PhotoMetadata.NONE)).isFalse();
        assertThat(TakenRange.ANY.contains(PhotoMetadata.NONE)).isTrue();
    }

    @Test
    void aFileTimeIsShownInTheComputersZoneAndMarked() {
        PhotoMetadata file = PhotoMetadata.NONE.orFileTime(Instant.parse("2024-01-15T12:00:00.987654Z"), ZoneId.of("Europe/Paris"));
        assertThat(file.taken()).isEqualTo(LocalDateTime.of(2024, 1, 15, 13, 0));
        assertThat(file.offset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(file.takenFrom()).isEqualTo(PhotoMetadata.TakenFrom.FILE_TIME);
        assertThat(file.takenSourceCode()).isEqualTo("file");
        assertThat(file.takenIso()).isEqualTo("2024-01-15T13:00:00+01:00");
        PhotoMetadata photo = at(LocalDateTime.of(2020, 2, 2, 2, 2));
        assertThat(photo.orFileTime(Instant.EPOCH, ZoneOffset.UTC)).isSameAs(photo);
        assertThat(photo.takenIso()).isEqualTo("2020-02-02T02:02:00");
        assertThat(PhotoMetadata.NONE.orFileTime(null, ZoneOffset.UTC)).isEqualTo(PhotoMetadata.NONE);
    }

    private static PhotoMetadata at(LocalDateTime taken) {
        return PhotoMetadata.fromPhoto(taken, null, null, null);
    }
}
