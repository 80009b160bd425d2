package org.imageorganizer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approximate index on a small library: recall against the exact scan, filters, updates, reopening (Lucene builds graphs: seconds). */
@Tag("slow")
class HnswIndexTest {
    private static final int DIMENSION = 64;
    private static final int ROWS = 4_000;

    @TempDir
    Path folder;

    /** The approximate index for any library above 1,000 photos. */
    private IndexSettings approximate() {
        return IndexSettings.defaults(folder).withApproximateAbove(1_000).withPollInterval(Duration.ofHours(1));
    }

    private static float[] query(long seed) {
        return TestRows.randomUnit(new SplittableRandom(seed), DIMENSION);
    }

    private static List<Long> ids(SearchResults r) {
        return r.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void recallAt10AgainstTheExactScanIsAtLeast095() {
        ListSource source = new ListSource(TestRows.clustered(ROWS, DIMENSION, 40, 21));
        try (EmbeddingIndex approx = new EmbeddingIndex(source, approximate());
                EmbeddingIndex exact = new EmbeddingIndex(source, IndexSettings.defaults(null))) {
            approx.refreshNow();
            exact.refreshNow();
            assertThat(approx.status().approximate()).isTrue();
            assertThat(approx.status().rows()).isEqualTo(ROWS);
            int found = 0;
            int queries = 100;
            for (int q = 0; q < queries; q++) {
                float[] v = q % 2 == 0 ? query(q) : source.rows().get(q * 37).embedding();
                SearchResults a = approx.search(SearchQuery.of(v, 10));
                assertThat(a.approximate()).isTrue();
                Set<Long> truth = new HashSet<>(ids(exact.search(SearchQuery.of(v, 10))));
                found += (int) ids(a).stream().filter(truth::contains).count();
                for (int i = 1; i < a.hits().size(); i++) {
                    assertThat(a.hits().get(i).score()).isLessThanOrEqualTo(a.hits().get(i - 1).score());
                }
            }
            assertThat(found / (queries * 10.0)).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void filtersExclusionsAndScoresHold() {
        ListSource source = new ListSource(TestRows.clustered(ROWS, DIMENSION, 40, 22));
        try (EmbeddingIndex index = new EmbeddingIndex(source, approximate())) {
            index.refreshNow();
            float[] q = query(3);
            SearchResults filtered = index.search(SearchQuery.of(q, 20).withObject("object2").withBackground("background1")
                    .withCluster(3));
            assertThat(filtered.hits()).isNotEmpty();
            for (SearchHit hit : filtered.hits()) {
                EmbeddingRow row = source.rows().get((int) hit.id() - 1);
                assertThat(row.objectLabel()).isEqualTo("object2");
                assertThat(row.backgroundLabel()).isEqualTo("background1");
                assertThat(row.clusterId()).isEqualTo(3);
                assertThat((double) hit.score()).isCloseTo(TestRows.cosine(q, row.embedding()),
                        org.assertj.core.data.Offset.offset(1e-4));
            }
            List<Long> top = ids(index.search(SearchQuery.of(q, 10)));
            List<Long> without = ids(index.search(SearchQuery.of(q, 10).excluding(top.subList(0, 2))));
            assertThat(without).doesNotContainAnyElementsOf(top.subList(0, 2));
            long[] allowed = top.subList(3, 10).stream().mapToLong(Long::longValue).toArray();
            assertThat(ids(index.search(SearchQuery.of(q, 20).onlyAmong(allowed))))
                    .as("only the ids a date range allows").containsExactlyInAnyOrderElementsOf(top.subList(3, 10));
            List<Long> page2 = ids(index.search(SearchQuery.of(q, 5).withPage(5, 5)));
            assertThat(page2).isEqualTo(top.subList(5, 10));
            assertThat(index.embedding(top.get(0))).hasValueSatisfying(v -> assertThat(
                    TestRows.cosine(v, source.rows().get((int) (long) top.get(0) - 1).embedding())).isGreaterThan(0.9999));
        }
    }

    @Test
    void removedAndChangedRowsFollowAndAnUnchangedLibraryIsNotReadAgain() {
        List<EmbeddingRow> rows = TestRows.clustered(ROWS, DIMENSION, 40, 23);
        ListSource source = new ListSource(rows);
        float[] q = query(5);
        Set<Long> first;
        try (EmbeddingIndex index = new EmbeddingIndex(source, approximate())) {
            index.refreshNow();
            first = new HashSet<>(ids(index.search(SearchQuery.of(q, 10))));
            List<EmbeddingRow> later = rows.stream().filter(r -> !first.contains(r.id()))
                    .map(r -> r.id() == 1 ? new EmbeddingRow(1, "changed", null, 0, q) : r).collect(Collectors.toList());
            source.replace(later);
            index.refreshNow();
            List<Long> after = ids(index.search(SearchQuery.of(q, 10)));
            assertThat(after).doesNotContainAnyElementsOf(first).startsWith(1L);
            assertThat(index.status().rows()).isEqualTo(later.size());
        }
        int reads = source.fullReads.get();
        try (EmbeddingIndex reopened = new EmbeddingIndex(source, approximate())) {
            reopened.refreshNow();
            assertThat(source.fullReads.get()).as("the index on disk is at the library's version").isEqualTo(reads);
            assertThat(ids(reopened.search(SearchQuery.of(q, 10)))).doesNotContainAnyElementsOf(first).startsWith(1L);
        }
    }

    @Test
    void aLibraryGrowingPastTheLimitMovesToTheApproximateIndexAndBack() {
        List<EmbeddingRow> rows = TestRows.clustered(1_500, DIMENSION, 20, 24);
        ListSource source = new ListSource(rows.subList(0, 800));
        float[] q = rows.get(1_200).embedding();
        try (EmbeddingIndex index = new EmbeddingIndex(source, approximate())) {
            index.refreshNow();
            assertThat(index.status().approximate()).isFalse();
            assertThat(index.matrixBytes()).isPositive();
            source.replace(rows);
            index.refreshNow();
            assertThat(index.status()).isEqualTo(new IndexStatus(true, true, 1_500, source.version(), null));
            assertThat(index.matrixBytes()).isZero();
            assertThat(index.search(SearchQuery.of(q, 1)).hits()).extracting(SearchHit::id).containsExactly(1_201L);
            source.replace(rows.subList(0, 900));
            index.refreshNow();
            assertThat(index.status().approximate()).isFalse();
            assertThat(index.search(SearchQuery.of(q, 900)).hits()).hasSize(900).allMatch(h -> h.id() <= 900);
        }
    }
}
