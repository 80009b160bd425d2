package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link LibraryInfoTest} on PostgreSQL. */
@Tag("database")
class PostgresLibraryInfoTest extends LibraryInfoTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
