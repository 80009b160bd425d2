package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link LabelCorrectionsTest} on PostgreSQL. */
@Tag("database")
class PostgresLabelCorrectionsTest extends LabelCorrectionsTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
