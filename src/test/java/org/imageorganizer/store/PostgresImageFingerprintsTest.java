package org.imageorganizer.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** {@link ImageFingerprintsTest} on PostgreSQL. */
@Tag("database")
class PostgresImageFingerprintsTest extends ImageFingerprintsTest {
    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
