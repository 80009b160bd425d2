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

    @Test
    void claimModelRecordsTheFirstModelAndAcceptsItAgain() {
        try (Library library = Library.open(dir.resolve("library.mv.db"))) {
            assertThat(library.info().modelId()).isEmpty();
            library.info().claimModel("clip-a");
            library.info().claimModel("clip-a");
            assertThat(library.info().modelId()).contains("clip-a");
            assertThat(library.info().libraryVersion()).isZero();
        }
    }

    @Test
    void claimModelRefusesAnotherModelEvenAfterReopening() {
        Path file = dir.resolve("library.mv.db");
        try (Library library = Library.open(file)) {
            library.info().claimModel("clip-a");
        }
        try (Library library = Library.open(file)) {
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
}
