package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link RemoteCopyRepositoryTest} on PostgreSQL. */
@Tag("database")
class PostgresRemoteCopyRepositoryTest extends RemoteCopyRepositoryTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
