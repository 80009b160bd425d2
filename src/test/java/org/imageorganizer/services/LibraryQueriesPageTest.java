package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.junit.jupiter.api.Test;

/** What a page of the library is: newest first, the total, and where the next page starts (null on the last). */
class LibraryQueriesPageTest {

    /** A library of {@code size} images, ids 1..size, in memory. */
    private static LibraryQueries library(int size) {
        Map<Long, ImageRecord> records = new LinkedHashMap<>();
        LongStream.rangeClosed(1, size).forEach(id -> records.put(id, image(id)));
        return new InMemoryRecords(records);
    }

    static ImageRecord image(long id) {
        return new ImageRecord(id, "0".repeat(64), "/photos/" + id + ".jpg", id + ".jpg", 10, 4, 3, "jpeg",
                Instant.EPOCH, new Classification(new Label("dog", 0.9), new Label("indoor", 0.8)), StorageKind.INDEXED);
    }

    @Test
    void aMiddlePageSaysWhereTheNextStarts() {
        LibraryPage page = library(7).page(null, null, 2, 3);
        assertThat(page.images()).extracting(ImageRecord::id).containsExactly(5L, 4L, 3L);
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.offset()).isEqualTo(2);
        assertThat(page.limit()).isEqualTo(3);
        assertThat(page.nextOffset()).isEqualTo(5);
    }

    @Test
    void theLastPageAndAPagePastTheEndHaveNoNext() {
        assertThat(library(7).page(null, null, 5, 3).nextOffset()).isNull();
        assertThat(library(6).page(null, null, 3, 3).nextOffset()).isNull();
        LibraryPage past = library(7).page(null, null, 20, 3);
        assertThat(past.images()).isEmpty();
        assertThat(past.nextOffset()).isNull();
        assertThat(past.total()).isEqualTo(7);
    }
}
