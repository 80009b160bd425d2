package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link ImageRepositoryTest} on PostgreSQL. */
@Tag("database")
class PostgresImageRepositoryTest extends ImageRepositoryTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
