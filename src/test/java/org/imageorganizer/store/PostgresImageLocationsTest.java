package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link ImageLocationsTest} on PostgreSQL. */
@Tag("database")
class PostgresImageLocationsTest extends ImageLocationsTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
