package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of the store on a new library for each test: an H2 file in a temporary folder, or, where a
 * PostgreSQL subclass overrides {@link #database}, a new PostgreSQL database.
 */
@Tag("database")
abstract class LibraryTestCase {
    @TempDir
    Path dir;
    LibraryDatabase library;
    TestDatabase database;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    @BeforeEach
    void openLibrary() {
        database = database(dir);
        library = database.open();
    }

    /** Where the library lives; the PostgreSQL subclasses override it. */
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }

    @AfterEach
    void closeLibrary() {
        library.close();
    }
}
