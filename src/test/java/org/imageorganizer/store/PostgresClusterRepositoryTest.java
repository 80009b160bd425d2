package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link ClusterRepositoryTest} on PostgreSQL. */
@Tag("database")
class PostgresClusterRepositoryTest extends ClusterRepositoryTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
