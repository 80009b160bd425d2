package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link StorageReconcilerTest} on PostgreSQL. */
@Tag("database")
class PostgresStorageReconcilerTest extends StorageReconcilerTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
