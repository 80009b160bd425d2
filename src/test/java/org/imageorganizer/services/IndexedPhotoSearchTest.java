package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.search.EmbeddingIndex;
import org.imageorganizer.search.EmbeddingRow;
import org.imageorganizer.search.EmbeddingSource;
import org.imageorganizer.search.IndexSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedPhotoSearchTest {
    @TempDir
    Path folder;

    /** Photos in memory: 2-d embeddings at known angles, so the ranking is known. */
    private final Map<Long, ImageRecord> records = new LinkedHashMap<>();
    private final List<EmbeddingRow> rows = new ArrayList<>();
    private EmbeddingIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private void photo(long id, String object, String background, double degrees) {
        double r = Math.toRadians(degrees);
        rows.add(new EmbeddingRow(id, object, background, EmbeddingRow.NO_CLUSTER,
                new float[] {(float) Math.cos(r), (float) Math.sin(r)}));
        records.put(id, new ImageRecord(id, "0".repeat(64), "/photos/" + id + ".jpg", id + ".jpg", 10, 4, 3, "jpeg",
                Instant.EPOCH, new Classification(new Label(object, 0.9), new Label(background, 0.8)), StorageKind.INDEXED));
    }

    private static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    private IndexedPhotoSearch search(EmbeddingSource source, Duration loadWait, List<Long> duplicatesOf1) {
        index = new EmbeddingIndex(source, IndexSettings.defaults(folder).withLoadWait(loadWait));
        index.start();
        return new IndexedPhotoSearch(index, new InMemoryRecords(records), text -> switch (text) {
            case "dog" -> at(0);
            case "beach" -> at(90);
            default -> throw new IllegalArgumentException("the search text is empty");
        }, file -> at(50), id -> id == 1 ? duplicatesOf1 : List.of());
    }

    private EmbeddingSource source() {
        return new EmbeddingSource() {
            @Override
            public long version() {
                return 1;
            }

            @Override
            public int count() {
                return rows.size();
            }

            @Override
            public void forEachRow(Consumer<EmbeddingRow> sink) {
                rows.forEach(sink);
            }
        };
    }

    private void fivePhotos() {
        photo(1, "dog", "beach", 10);
        photo(2, "dog", "indoor", 0);
        photo(3, "cat", "beach", 80);
        photo(4, "cat", "indoor", 170);
        photo(5, "dog", "beach", 30);
    }

    private static List<Long> ids(List<PhotoSearch.FoundImage> found) {
        return found.stream().map(f -> f.image().id()).toList();
    }

    @Test
    void aTextRanksEveryPhotoByItsScoreAndPagesSayWhereTheNextStarts() {
        fivePhotos();
        PhotoSearch search = search(source(), Duration.ofSeconds(10), List.of());

        PhotoSearch.SearchPage first = search.byText("dog", PhotoSearch.SearchFilter.NONE, 0, 2);
        assertThat(ids(first.images())).containsExactly(2L, 1L);
        assertThat(first.images().get(0).score()).isGreaterThan(first.images().get(1).score());
        assertThat(first.matched()).isEqualTo(5);
        assertThat(first.nextOffset()).isEqualTo(2);
        assertThat(first.suggestions()).isEmpty();

        PhotoSearch.SearchPage rest = search.byText("dog", PhotoSearch.SearchFilter.NONE, 2, 10);
        assertThat(ids(rest.images())).containsExactly(5L, 3L, 4L);
        assertThat(rest.nextOffset()).isNull();
    }

    @Test
    void filtersKeepOnlyTheirPhotosAndAnEmptyAnswerSuggestsTheCategories() {
        fivePhotos();
        PhotoSearch search = search(source(), Duration.ofSeconds(10), List.of());

        assertThat(ids(search.byText("beach", new PhotoSearch.SearchFilter("dog", "beach", null), 0, 10).images()))
                .containsExactly(5L, 1L);
        PhotoSearch.SearchPage none = search.byText("beach", new PhotoSearch.SearchFilter("horse", null, null), 0, 10);
        assertThat(none.images()).isEmpty();
        assertThat(none.matched()).isZero();
        assertThat(none.suggestions()).containsExactly("cat", "dog", "beach", "indoor");
    }

    @Test
    void aPhotoRemovedSinceTheIndexLoadedIsLeftOut() {
        fivePhotos();
        PhotoSearch search = search(source(), Duration.ofSeconds(10), List.of());
        records.remove(2L);
        assertThat(ids(search.byText("dog", PhotoSearch.SearchFilter.NONE, 0, 3).images())).containsExactly(1L, 5L);
    }

    @Test
    void similarPhotosLeaveOutThePhotoAndListItsNearDuplicatesApart() {
        fivePhotos();
        PhotoSearch search = search(source(), Duration.ofSeconds(10), List.of(2L));

        PhotoSearch.SearchPage similar = search.similarTo(1, PhotoSearch.SearchFilter.NONE, 0, 10);
        assertThat(ids(similar.images())).containsExactly(5L, 3L, 4L);
        assertThat(ids(similar.duplicates())).containsExactly(2L);
        // scored like the results: photos 1 and 2 are 10° apart (int8 rows: a little off)
        assertThat(similar.duplicates().get(0).score()).isCloseTo(Math.cos(Math.toRadians(10)), within(0.01));
        assertThat(ids(search.similarToFile(Path.of("outside.jpg"), PhotoSearch.SearchFilter.NONE, 2).images()))
                .containsExactly(5L, 3L);
        assertThatThrownBy(() -> search.similarTo(99, PhotoSearch.SearchFilter.NONE, 0, 10))
                .isInstanceOf(NoSuchElementException.class).hasMessage("There is no photo with id 99.");
    }

    @Test
    void beforeTheEmbeddingsAreLoadedASearchSaysToTryAgain() throws InterruptedException {
        fivePhotos();
        CountDownLatch release = new CountDownLatch(1);
        EmbeddingSource slow = new EmbeddingSource() {
            @Override
            public long version() {
                return 1;
            }

            @Override
            public int count() {
                return rows.size();
            }

            @Override
            public void forEachRow(Consumer<EmbeddingRow> sink) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                rows.forEach(sink);
            }
        };
        PhotoSearch search = search(slow, Duration.ofMillis(50), List.of());
        assertThatThrownBy(() -> search.byText("dog", PhotoSearch.SearchFilter.NONE, 0, 3))
                .isInstanceOfSatisfying(SearchUnavailableException.class, e -> assertThat(e.temporary()).isTrue())
                .hasMessageContaining("try again in a few seconds");
        release.countDown();
        index.refreshNow();
        assertThat(ids(search.byText("dog", PhotoSearch.SearchFilter.NONE, 0, 1).images())).containsExactly(2L);
    }
}
