package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link NearDuplicateLinksTest} on PostgreSQL: two libraries on one database are two servers sharing it. */
@Tag("database")
class PostgresNearDuplicateLinksTest extends NearDuplicateLinksTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
