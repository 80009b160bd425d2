package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link ImageEmbeddingsTest} on PostgreSQL. */
@Tag("database")
class PostgresImageEmbeddingsTest extends ImageEmbeddingsTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
