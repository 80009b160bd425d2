package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.cluster.IncrementalNearDuplicates;
import org.imageorganizer.model.PerceptualHash;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The near-duplicate links kept at import (docs/decisions/0036), with the application's linker: written with the
 * photo, among a batch, when a hash is stored later, gone with a photo, rebuilt after a write without a linker, and
 * complete when two libraries (two processes) write at once.
 */
@Tag("database")
class NearDuplicateLinksTest extends LibraryTestCase {
    /** A hash with bits spread over the whole word. */
    static final long BASE = 0x5A3C_96E1_0F78_B24CL & ~1L;

    static IncrementalNearDuplicates linker() {
        return new IncrementalNearDuplicates(DuplicateThresholds.withVeto(-1));
    }

    /** {@code base} with the {@code flips} bits from bit {@code from} (1..63) inverted. */
    static byte[] hash(long base, int from, int flips) {
        long bits = base;
        for (int i = 0; i < flips; i++) {
            bits ^= 1L << (1 + (from + i - 1) % 63);
        }
        return new PerceptualHash(bits, false).toBytes();
    }

    static NewImage hashed(String seed, byte[] hash) {
        NewImage n = TestRecords.image(seed, "dog", "beach");
        return new NewImage(n.sha256(), n.location(), n.fileName(), n.byteSize(), n.width(), n.height(), n.format(),
                n.storage(), n.classification(), n.embedding(), n.modelId(), null, hash);
    }

    static List<List<Long>> pairs(LibraryDatabase library) {
        List<List<Long>> pairs = new ArrayList<>();
        library.nearDuplicateLinks().forEach(l -> pairs.add(List.of(l.firstId(), l.secondId())));
        return pairs;
    }

    @Test
    void aNewPhotoIsLinkedToItsNearDuplicatesInTheTransactionThatAddsIt() {
        library.nearDuplicateLinks().useLinker(linker());
        long original = library.images().insert(hashed("original", hash(BASE, 1, 0))).id();
        long resized = library.images().insert(hashed("resized", hash(BASE, 5, 3))).id();
        long far = library.images().insert(hashed("far", hash(BASE, 1, 20))).id();
        long edge = library.images().insert(hashed("ten bits", hash(BASE, 30, 10))).id();
        long turned = library.images().insert(hashed("turned", new PerceptualHash(
                PerceptualHash.rotate(BASE, 1) ^ (1L << 9) ^ (1L << 40), false).toBytes())).id();
        long turnedFar = library.images().insert(hashed("turned far", new PerceptualHash(
                PerceptualHash.rotate(BASE, 3) ^ 0xFEL, false).toBytes())).id(); // 7 bits after the turn
        long none = library.images().insert(TestRecords.image("no hash", "dog", "beach")).id();

        // "ten bits" is 10 bits from the original (linked) and 13 from the resized copy (not linked)
        assertThat(pairs(library)).containsExactlyInAnyOrder(List.of(original, resized), List.of(original, edge),
                List.of(original, turned), List.of(resized, turned));
        assertThat(library.nearDuplicateLinks().complete()).isTrue();
        library.nearDuplicateLinks().forEach(l -> {
            if (l.secondId() == turned) {
                assertThat(l.quarterTurns()).as("the original turned once looks like the turned copy").isEqualTo(1);
            }
        });
        assertThat(List.of(far, turnedFar, none)).doesNotContainAnyElementsOf(pairs(library).stream()
                .flatMap(List::stream).toList());
    }

    @Test
    void photosStoredTogetherAreLinkedToEachOtherAndRemovalTakesTheLinks() {
        library.nearDuplicateLinks().useLinker(linker());
        List<Long> ids = library.images().insertAll(List.of(hashed("a", hash(BASE, 1, 0)), hashed("b", hash(BASE, 3, 4)),
                hashed("c", hash(BASE, 40, 2)), hashed("d", hash(~BASE & ~1L, 1, 0))));
        assertThat(pairs(library)).containsExactlyInAnyOrder(List.of(ids.get(0), ids.get(1)),
                List.of(ids.get(0), ids.get(2)), List.of(ids.get(1), ids.get(2)));

        library.images().delete(ids.get(0));
        assertThat(pairs(library)).containsExactly(List.of(ids.get(1), ids.get(2)));
        long again = library.images().insert(hashed("a again", hash(BASE, 1, 1))).id();
        assertThat(pairs(library)).containsExactlyInAnyOrder(List.of(ids.get(1), ids.get(2)),
                List.of(ids.get(1), again), List.of(ids.get(2), again));
    }

    @Test
    void aHashStoredLaterIsLinkedThen() {
        library.nearDuplicateLinks().useLinker(linker());
        long old = library.images().insert(TestRecords.image("imported before hashes", "dog", "beach")).id();
        long recent = library.images().insert(hashed("recent", hash(BASE, 1, 0))).id();
        assertThat(pairs(library)).isEmpty();

        assertThat(library.fingerprints().storePerceptualHash(old, hash(BASE, 7, 5))).isTrue();
        assertThat(pairs(library)).containsExactly(List.of(old, recent));
        assertThat(library.nearDuplicateLinks().complete()).isTrue();
    }

    @Test
    void photosHashedWithoutALinkerLeaveTheLinksIncompleteUntilTheNextLinkedWriteRebuildsThem() {
        long a = library.images().insert(hashed("a", hash(BASE, 1, 0))).id();
        long b = library.images().insert(hashed("b", hash(BASE, 1, 2))).id();
        assertThat(pairs(library)).isEmpty();
        assertThat(library.nearDuplicateLinks().state().rule()).isNull();

        library.nearDuplicateLinks().useLinker(linker());
        assertThat(library.nearDuplicateLinks().complete()).isFalse();
        long c = library.images().insert(hashed("c", hash(BASE, 10, 3))).id();
        assertThat(pairs(library)).containsExactlyInAnyOrder(List.of(a, b), List.of(a, c), List.of(b, c));
        assertThat(library.nearDuplicateLinks().complete()).isTrue();
        assertThat(library.nearDuplicateLinks().state().rule()).isEqualTo(linker().rule());
    }

    @Test
    void aSecondLibraryOnTheSameDatabaseSeesThePhotosTheFirstAddedAndRemoved() {
        library.nearDuplicateLinks().useLinker(linker());
        try (LibraryDatabase other = database.open()) {
            other.nearDuplicateLinks().useLinker(linker());
            long first = library.images().insert(hashed("first", hash(BASE, 1, 0))).id();
            long second = other.images().insert(hashed("second", hash(BASE, 2, 2))).id();
            long third = library.images().insert(hashed("third", hash(BASE, 50, 2))).id();
            assertThat(pairs(library)).containsExactlyInAnyOrder(List.of(first, second), List.of(first, third),
                    List.of(second, third));

            other.images().delete(third); // the first library's index still holds it: its next link must not fail
            long fourth = library.images().insert(hashed("fourth", hash(BASE, 20, 1))).id();
            assertThat(pairs(library)).containsExactlyInAnyOrder(List.of(first, second), List.of(first, fourth),
                    List.of(second, fourth));
        }
    }

    @Test
    void twoLibrariesAddingVariantsAtOnceLoseNoLink() throws Exception {
        library.nearDuplicateLinks().useLinker(linker());
        library.images().insert(hashed("seed", hash(BASE, 1, 0)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LibraryDatabase other = database.open()) {
            other.nearDuplicateLinks().useLinker(linker());
            List<Future<?>> writes = new ArrayList<>();
            for (LibraryDatabase writer : List.of(library, other)) {
                String name = writer == library ? "one" : "two";
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        writer.images().insert(hashed(name + i, hash(BASE, 1 + (i * 5 + (writer == library ? 0 : 31)) % 63,
                                1 + i % 4)));
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<List<Long>> incremental = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
        incremental.addAll(pairs(library));
        assertThat(incremental).hasSizeGreaterThan(100);
        int rebuilt = library.nearDuplicateLinks().rebuild();
        assertThat(rebuilt).isEqualTo(incremental.size());
        assertThat(pairs(library)).containsExactlyInAnyOrderElementsOf(incremental);
    }

    @Test
    void aLibraryOfSchemaVersion5KeepsItsHashesAndGetsItsLinksBuiltOnce() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(getClass() == NearDuplicateLinksTest.class,
                "the migration is the same SQL on both databases; made here on an H2 file");
        String url = "jdbc:h2:file:" + dir.resolve("v5");
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations(LibraryDatabase.MIGRATIONS)
                .target("5").load().migrate();
        byte[] one = hash(BASE, 1, 0);
        byte[] two = hash(BASE, 9, 4);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                var insert = c.prepareStatement("INSERT INTO image (sha256, location, storage, perceptual_hash)"
                        + " VALUES (?, ?, 'INDEXED', ?)")) {
            for (Object[] row : new Object[][] {{"v5 one", one}, {"v5 two", two}, {"v5 none", null}}) {
                insert.setString(1, TestRecords.sha((String) row[0]));
                insert.setString(2, "/photos/" + row[0] + ".jpg");
                insert.setBytes(3, (byte[]) row[1]);
                insert.executeUpdate();
            }
        }
        try (LibraryDatabase migrated = LibraryDatabase.open(dir.resolve("v5.mv.db"))) {
            assertThat(pairs(migrated)).isEmpty();
            assertThat(migrated.nearDuplicateLinks().state().rule()).as("links not built yet").isNull();
            migrated.nearDuplicateLinks().useLinker(linker());
            assertThat(migrated.nearDuplicateLinks().rebuild()).isEqualTo(1);
            long a = migrated.images().findBySha256(TestRecords.sha("v5 one")).orElseThrow().id();
            long b = migrated.images().findBySha256(TestRecords.sha("v5 two")).orElseThrow().id();
            assertThat(pairs(migrated)).containsExactly(List.of(a, b));
            assertThat(migrated.nearDuplicateLinks().complete()).isTrue();
        }
    }
}
