package org.imageorganizer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Loading in the background, following the source's version, and swapping snapshots under queries. */
class EmbeddingIndexTest {
    private static final int DIMENSION = 32;
    private static final IndexSettings EXACT = IndexSettings.defaults(null).withPollInterval(Duration.ofHours(1));

    private static float[] query(long seed) {
        return TestRows.randomUnit(new SplittableRandom(seed), DIMENSION);
    }

    private static Set<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    @Test
    void removedPhotosNeverAppearAfterAReload() {
        List<EmbeddingRow> rows = TestRows.uniform(2_000, DIMENSION, 1);
        ListSource source = new ListSource(rows);
        try (EmbeddingIndex index = new EmbeddingIndex(source, EXACT)) {
            index.refreshNow();
            float[] q = query(2);
            Set<Long> before = ids(index.search(SearchQuery.of(q, 50)));
            source.replace(rows.stream().filter(r -> !before.contains(r.id())).toList());
            index.refreshNow();
            SearchResults after = index.search(SearchQuery.of(q, 2_000));
            assertThat(ids(after)).doesNotContainAnyElementsOf(before).hasSize(2_000 - 50);
            assertThat(after.version()).isEqualTo(source.version());
            assertThat(ids(index.search(SearchQuery.of(q, 50)))).as("not the answer cached before the reload")
                    .doesNotContainAnyElementsOf(before);
            assertThat(index.embedding(before.iterator().next())).isEmpty();
        }
    }

    @Test
    void changesAppliedOneByOneGiveWhatAFullReadGives() {
        List<EmbeddingRow> rows = TestRows.uniform(3_000, DIMENSION, 3);
        List<EmbeddingRow> later = new ArrayList<>(rows.subList(100, 3_000)); // 1..100 removed
        later.set(500, new EmbeddingRow(later.get(500).id(), "moved", "elsewhere", 7, query(4))); // one changed
        List<EmbeddingRow> added = TestRows.uniform(50, DIMENSION, 5).stream()
                .map(r -> new EmbeddingRow(r.id() + 10_000, r.objectLabel(), r.backgroundLabel(), r.clusterId(), r.embedding()))
                .toList();
        later.addAll(added);
        AtomicInteger changeCalls = new AtomicInteger();
        ListSource incremental = new ListSource(rows) {
            @Override
            public Optional<Changes> changesSince(long since) {
                changeCalls.incrementAndGet();
                List<EmbeddingRow> upserted = new ArrayList<>(added);
                upserted.add(later.get(500));
                return Optional.of(new Changes(version(), upserted,
                        rows.subList(0, 100).stream().map(EmbeddingRow::id).toList()));
            }
        };
        try (EmbeddingIndex changed = new EmbeddingIndex(incremental, EXACT);
                EmbeddingIndex full = new EmbeddingIndex(new ListSource(later), EXACT)) {
            changed.refreshNow();
            incremental.replace(later);
            changed.refreshNow();
            full.refreshNow();
            assertThat(changeCalls).hasValue(1);
            assertThat(incremental.fullReads).hasValue(1);
            for (long seed = 10; seed < 15; seed++) {
                SearchQuery q = SearchQuery.of(query(seed), 100);
                assertThat(changed.search(q).hits()).isEqualTo(full.search(q).hits());
            }
            SearchQuery moved = SearchQuery.of(query(4), 5).withObject("moved").withCluster(7);
            assertThat(changed.search(moved).hits()).extracting(SearchHit::id).containsExactly(later.get(500).id());
            assertThat(changed.status().rows()).isEqualTo(later.size());
        }
    }

    @Test
    void queriesDuringReloadsSeeOneSnapshotOrTheOther() throws Exception {
        List<EmbeddingRow> a = TestRows.uniform(20_000, DIMENSION, 6);
        List<EmbeddingRow> b = a.stream()
                .map(r -> new EmbeddingRow(r.id() + 100_000, r.objectLabel(), r.backgroundLabel(), r.clusterId(), r.embedding()))
                .toList();
        ListSource source = new ListSource(a);
        try (EmbeddingIndex index = new EmbeddingIndex(source, EXACT)) {
            index.refreshNow();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicInteger queries = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int seed = t;
                Thread reader = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            SearchResults r = index.search(SearchQuery.of(query(seed), 20));
                            boolean allA = r.hits().stream().allMatch(h -> h.id() < 100_000);
                            boolean allB = r.hits().stream().allMatch(h -> h.id() > 100_000);
                            assertThat(allA || allB).as("one snapshot").isTrue();
                            assertThat(r.hits()).hasSize(20);
                            queries.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                reader.start();
                readers.add(reader);
            }
            for (int round = 0; round < 6; round++) {
                source.replace(round % 2 == 0 ? b : a);
                index.refreshNow();
            }
            stop.set(true);
            for (Thread reader : readers) {
                reader.join(10_000);
            }
            assertThat(failure.get()).isNull();
            assertThat(queries.get()).isPositive();
            assertThat(ids(index.search(SearchQuery.of(query(0), 5)))).allMatch(id -> id < 100_000);
        }
    }

    @Test
    void startReturnsAtOnceAndQueriesBeforeTheFirstLoadWaitThenSaySo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        ListSource slow = new ListSource(TestRows.uniform(100, DIMENSION, 7)) {
            @Override
            public void forEachRow(Consumer<EmbeddingRow> sink) {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.forEachRow(sink);
            }
        };
        try (EmbeddingIndex index = new EmbeddingIndex(slow, EXACT.withLoadWait(Duration.ofMillis(50)))) {
            long start = System.nanoTime();
            index.start();
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(index.status().loaded()).isFalse();
            assertThatThrownBy(() -> index.search(SearchQuery.of(query(1), 5)))
                    .isInstanceOf(IndexLoadingException.class).hasMessageContaining("still loading");
            release.countDown();
            index.refreshNow();
            assertThat(index.search(SearchQuery.of(query(1), 5)).hits()).hasSize(5);
            assertThat(index.status()).isEqualTo(new IndexStatus(true, false, 100, 1, null));
        }
    }

    @Test
    void theIndexFollowsTheVersionByPolling() throws Exception {
        ListSource source = new ListSource(TestRows.uniform(300, DIMENSION, 8));
        try (EmbeddingIndex index = new EmbeddingIndex(source, EXACT.withPollInterval(Duration.ofMillis(20)))) {
            index.start();
            float[] q = query(9);
            long first = index.search(SearchQuery.of(q, 1)).hits().get(0).id();
            source.replace(source.rows().stream().filter(r -> r.id() != first).toList());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (index.status().version() != source.version() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ids(index.search(SearchQuery.of(q, 300)))).doesNotContain(first).hasSize(299);
        }
    }

    @Test
    void aFailingSourceKeepsTheOldRowsAndSaysWhy() {
        AtomicBoolean fail = new AtomicBoolean();
        ListSource source = new ListSource(TestRows.uniform(100, DIMENSION, 10)) {
            @Override
            public void forEachRow(Consumer<EmbeddingRow> sink) {
                if (fail.get()) {
                    throw new IllegalStateException("database closed");
                }
                super.forEachRow(sink);
            }
        };
        try (EmbeddingIndex index = new EmbeddingIndex(source, EXACT)) {
            index.refreshNow();
            fail.set(true);
            source.replace(source.rows().subList(0, 50));
            assertThatThrownBy(index::refreshNow).hasMessageContaining("database closed");
            assertThat(index.search(SearchQuery.of(query(1), 200)).hits()).hasSize(100);
            assertThat(index.status().lastError()).contains("database closed");
        }
    }

    @Test
    void aQueryOfAnotherLengthIsRefused() {
        try (EmbeddingIndex index = new EmbeddingIndex(new ListSource(TestRows.uniform(10, DIMENSION, 1)), EXACT)) {
            index.refreshNow();
            assertThatThrownBy(() -> index.search(SearchQuery.of(new float[DIMENSION + 1], 5)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
