package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
