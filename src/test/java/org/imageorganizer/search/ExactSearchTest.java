package org.imageorganizer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact scan against a brute-force computation over the same rows, on two threads. */
class ExactSearchTest {
    private static final int DIMENSION = 48;
    private final List<EmbeddingRow> rows = TestRows.uniform(10_123, DIMENSION, 11); // two parts, many blocks
    private EmbeddingIndex index;
    private Int8Matrix matrix;

    @BeforeEach
    void load() {
        index = new EmbeddingIndex(new ListSource(rows), IndexSettings.defaults(null).withPollInterval(Duration.ofHours(1)));
        index.refreshNow();
        Int8Matrix.Builder b = new Int8Matrix.Builder();
        rows.forEach(b::add);
        matrix = b.build();
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** Every row that passes the query's filters, scored as the matrix holds it, best first. */
    private List<SearchHit> bruteForce(SearchQuery q) {
        short[] qs = new short[DIMENSION];
        float queryScale = Quantizer.quantizeQuery(q.embedding(), qs);
        List<SearchHit> all = new ArrayList<>();
        for (EmbeddingRow r : rows) {
            boolean passes = (q.objectLabel() == null || q.objectLabel().equals(r.objectLabel()))
                    && (q.backgroundLabel() == null || q.backgroundLabel().equals(r.backgroundLabel()))
                    && (q.clusterId() == null || q.clusterId() == r.clusterId()) && !q.excludedIds().contains(r.id())
                    && (q.onlyIds() == null || java.util.Arrays.stream(q.onlyIds()).anyMatch(id -> id == r.id()));
            if (passes) {
                int row = matrix.rowOf(r.id());
                float[] v = matrix.dequantized(row);
                long dot = 0;
                for (int d = 0; d < DIMENSION; d++) {
                    dot += qs[d] * Math.round(v[d] / matrix.scale(row));
                }
                all.add(new SearchHit(r.id(), (float) dot * matrix.scale(row) * queryScale));
            }
        }
        all.sort(Comparator.comparing(SearchHit::score).reversed().thenComparing(SearchHit::id));
        return all;
    }

    private static float[] query(long seed) {
        return TestRows.randomUnit(new SplittableRandom(seed), DIMENSION);
    }

    @Test
    void theRankingFollowsTheScoresAndTheScoresAreTheFloatCosines() {
        float[] q = query(1);
        SearchResults results = index.search(SearchQuery.of(q, 50));
        assertThat(results.hits()).hasSize(50);
        assertThat(results.matched()).isEqualTo(rows.size());
        for (int i = 1; i < results.hits().size(); i++) {
            assertThat(results.hits().get(i).score()).isLessThanOrEqualTo(results.hits().get(i - 1).score());
        }
        for (SearchHit hit : results.hits()) {
            float[] original = rows.get((int) hit.id() - 1).embedding();
            assertThat((double) hit.score()).isCloseTo(TestRows.cosine(q, original), org.assertj.core.data.Offset.offset(0.003));
        }
        assertThat(results.hits()).isEqualTo(bruteForce(SearchQuery.of(q, 50)).subList(0, 50));
    }

    @Test
    void filtersAndPagesAreExact() {
        float[] q = query(2);
        List<SearchQuery> queries = List.of(SearchQuery.of(q, 30).withObject("object1"),
                SearchQuery.of(q, 30).withBackground("background2").withPage(40, 25),
                SearchQuery.of(q, 7).withObject("object3").withBackground("background0").withCluster(2),
                SearchQuery.of(q, 20).withCluster(-1).withPage(3, 20),
                SearchQuery.of(q, 100).withPage(9_000, 100),
                // the photos taken in a date range, which the index does not know: a list of ids
                SearchQuery.of(q, 15).onlyAmong(new SplittableRandom(5).longs(900, 1, rows.size() + 1).toArray()),
                SearchQuery.of(q, 15).withObject("object2").onlyAmong(new long[] {5, 3, 700, 10_000, 99_999}),
                SearchQuery.of(q, 15).onlyAmong(new long[0]));
        for (SearchQuery query : queries) {
            List<SearchHit> expected = bruteForce(query);
            SearchResults results = index.search(query);
            int from = Math.min(query.offset(), expected.size());
            assertThat(results.hits()).as("%s", query).isEqualTo(
                    expected.subList(from, Math.min(query.offset() + query.limit(), expected.size())));
            assertThat(results.matched()).isEqualTo(expected.size());
        }
    }

    @Test
    void pagesJoinIntoTheWholeList() {
        float[] q = query(3);
        List<SearchHit> joined = new ArrayList<>();
        for (int offset = 0; offset < 120; offset += 40) {
            joined.addAll(index.search(SearchQuery.of(q, 40).withPage(offset, 40)).hits());
        }
        assertThat(joined).isEqualTo(index.search(SearchQuery.of(q, 120)).hits());
    }

    @Test
    void excludedIdsNeverAppearAndTheNextOnesMoveUp() {
        float[] q = query(4);
        List<SearchHit> top = index.search(SearchQuery.of(q, 10)).hits();
        Set<Long> excluded = top.subList(0, 3).stream().map(SearchHit::id).collect(Collectors.toSet());
        SearchResults results = index.search(SearchQuery.of(q, 7).excluding(excluded));
        assertThat(results.hits()).isEqualTo(top.subList(3, 10));
        assertThat(results.matched()).isEqualTo(rows.size() - 3);
    }

    @Test
    void aLabelTheLibraryDoesNotHaveFindsNothing() {
        SearchResults results = index.search(SearchQuery.of(query(5), 10).withObject("unicorn"));
        assertThat(results.hits()).isEmpty();
        assertThat(results.matched()).isZero();
    }

    @Test
    void equalScoresComeByIdAndTheSameQueryGivesTheSameAnswer() {
        float[] v = query(6);
        List<EmbeddingRow> twins = List.of(new EmbeddingRow(9, "a", "b", 1, v), new EmbeddingRow(3, "a", "b", 1, v),
                new EmbeddingRow(5, "a", "b", 1, v.clone()), new EmbeddingRow(4, "a", "b", 1, query(7)));
        try (EmbeddingIndex twinsIndex = new EmbeddingIndex(new ListSource(twins), IndexSettings.defaults(null))) {
            twinsIndex.refreshNow();
            List<SearchHit> hits = twinsIndex.search(SearchQuery.of(v, 4)).hits();
            assertThat(hits.subList(0, 3)).extracting(SearchHit::id).containsExactly(3L, 5L, 9L);
            assertThat(hits.get(0).score()).isEqualTo(hits.get(2).score());
            assertThat(twinsIndex.search(SearchQuery.of(v, 4)).hits()).isEqualTo(hits);
        }
        SearchQuery q = SearchQuery.of(query(8), 25).withBackground("background1");
        try (EmbeddingIndex again = new EmbeddingIndex(new ListSource(rows), IndexSettings.defaults(null))) {
            again.refreshNow(); // another index: its own scan, not an answer kept by the first
            assertThat(again.search(q).hits()).isEqualTo(index.search(q).hits());
        }
    }

    @Test
    void theMatrixHoldsAboutHalfAKilobyteA512DimensionalRow() {
        Int8Matrix.Builder b = new Int8Matrix.Builder();
        TestRows.uniform(5_000, 512, 3).forEach(b::add);
        Int8Matrix m = b.build();
        assertThat(m.bytes()).isEqualTo(5_000L * (512 + 20));
        assertThat(m.bytes() * 20).as("100k rows").isLessThanOrEqualTo(64L << 20);
        assertThat(Objects.requireNonNull(m.dequantized(0))).hasSize(512);
    }
}
