package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
class LibraryInfoTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    /** Where the library lives; the PostgreSQL subclass overrides it. */
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }

    @Test
    void claimModelRecordsTheFirstModelAndAcceptsItAgain() {
        try (LibraryDatabase library = database(dir).open()) {
            assertThat(library.info().modelId()).isEmpty();
            library.info().claimModel("clip-a");
            library.info().claimModel("clip-a");
            assertThat(library.info().modelId()).contains("clip-a");
            assertThat(library.info().libraryVersion()).isZero();
        }
    }

    @Test
    void claimModelRefusesAnotherModelEvenAfterReopening() {
        TestDatabase database = database(dir);
        try (LibraryDatabase library = database.open()) {
            library.info().claimModel("clip-a");
        }
        try (LibraryDatabase library = database.open()) {
            assertThatThrownBy(() -> library.info().claimModel("clip-b"))
                    .isInstanceOfSatisfying(ModelMismatchException.class, e -> {
                        assertThat(e.libraryModel()).isEqualTo("clip-a");
                        assertThat(e.requestedModel()).isEqualTo("clip-b");
                    })
                    .hasMessage("This library was built with model clip-a; it cannot be opened with model clip-b."
                            + " Use the same model folder, or re-embed the library (a later command).");
            assertThat(library.info().modelId()).contains("clip-a");
        }
    }

    @Test
    void aLibraryClaimedBeforeTheModelsVetoWasRecordedHasNoneUntilTheNextClaim() {
        TestDatabase database = database(dir);
        try (LibraryDatabase library = database.open()) {
            library.info().claimModel("clip-a"); // as before: no rows for the veto and the image size
            assertThat(library.info().nearDuplicateVeto()).isEmpty();
            assertThat(library.info().modelImageSize()).isEmpty();
        }
        try (LibraryReader reader = database.reader().orElseThrow()) {
            assertThat(reader.nearDuplicateVeto()).isEmpty();
            assertThat(reader.modelImageSize()).isEmpty();
        }
        try (LibraryDatabase library = database.open()) {
            library.info().claimModel("clip-a", -1, 64);
            assertThat(library.info().nearDuplicateVeto()).hasValue(-1);
            assertThat(library.info().modelImageSize()).hasValue(64);
            assertThat(library.info().modelId()).contains("clip-a");
        }
        try (LibraryReader reader = database.reader().orElseThrow()) {
            assertThat(reader.nearDuplicateVeto()).hasValue(-1);
            assertThat(reader.modelImageSize()).hasValue(64);
        }
    }

    @Test
    void aSecondClaimRecordsTheModelsChangedValuesAndAnotherModelChangesNothing() {
        TestDatabase database = database(dir);
        try (LibraryDatabase library = database.open()) {
            library.info().claimModel("clip-a", 0.85, 224);
            assertThat(library.info().nearDuplicateVeto()).hasValue(0.85);
            library.info().claimModel("clip-a", 0.9, 336);
            assertThat(library.info().nearDuplicateVeto()).hasValue(0.9);
            assertThat(library.info().modelImageSize()).hasValue(336);
            assertThatThrownBy(() -> library.info().claimModel("clip-b", 0.5, 64)).isInstanceOf(ModelMismatchException.class);
            assertThat(library.info().nearDuplicateVeto()).hasValue(0.9);
            assertThat(library.info().modelImageSize()).hasValue(336);
            assertThat(library.info().libraryVersion()).isZero();
        }
        try (LibraryReader reader = database.reader().orElseThrow()) {
            assertThat(reader.nearDuplicateVeto()).hasValue(0.9);
            assertThat(reader.modelImageSize()).hasValue(336);
            assertThat(reader.modelId()).contains("clip-a");
        }
    }

    @Test
    void claimsAtOnceRecordTheValuesOnceWithoutFailing() throws Exception {
        TestDatabase database = database(dir);
        try (LibraryDatabase first = database.open(); LibraryDatabase second = database.open()) {
            int claims = 8;
            ExecutorService pool = Executors.newFixedThreadPool(claims);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < claims; i++) {
                    LibraryInfo info = (i % 2 == 0 ? first : second).info();
                    done.add(pool.submit(() -> {
                        start.await();
                        info.claimModel("clip-a", -1, 64);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(first.info().nearDuplicateVeto()).hasValue(-1);
            assertThat(second.info().modelImageSize()).hasValue(64);
        }
    }

    @Test
    void theLibraryIdIsGivenOnceAndKeptAcrossReopening() {
        TestDatabase database = database(dir);
        String id;
        try (LibraryDatabase library = database.open()) {
            id = library.info().libraryId();
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(library.info().libraryId()).isEqualTo(id);
        }
        try (LibraryDatabase library = database.open()) {
            assertThat(library.info().libraryId()).isEqualTo(id);
        }
        try (LibraryDatabase other = database(dir.resolve("other")).open()) {
            assertThat(other.info().libraryId()).as("another library").isNotEqualTo(id);
        }
    }
}
