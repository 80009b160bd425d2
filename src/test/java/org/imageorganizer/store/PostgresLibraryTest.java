package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What only a server database has: a missing database, and two programs writing at once. */
@Tag("database")
class PostgresLibraryTest {

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    @Test
    void aMissingDatabaseIsNamedInOneLine() {
        String url = TestDatabase.newPostgresUrl();
        String missing = url.replaceFirst("/library_[0-9_]+", "/no_such_library");
        assertThatThrownBy(() -> LibraryDatabase.connect(missing, TestDatabase.Postgres.USER, ""))
                .isInstanceOf(LibraryException.class)
                .hasMessageContaining("does not exist")
                .hasMessageNotContaining("\n");
    }

    @Test
    void twoLibrariesOnOneDatabaseStoreTheSameContentOnce() throws Exception {
        TestDatabase database = TestDatabase.postgres();
        try (LibraryDatabase first = database.open(); LibraryDatabase second = database.open()) {
            first.info().claimModel(TestRecords.MODEL);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                LibraryDatabase library = i % 2 == 0 ? first : second;
                attempts.add(threads.submit((Callable<Boolean>) () -> {
                    try {
                        library.images().insert(TestRecords.image("same", "cat", "sofa"));
                        return true;
                    } catch (DuplicateImageException e) {
                        assertThat(e.existing()).isNotNull();
                        return false;
                    }
                }));
            }
            int created = 0;
            for (Future<Boolean> attempt : attempts) {
                created += attempt.get() ? 1 : 0;
            }
            threads.shutdown();
            assertThat(created).isEqualTo(1);
            assertThat(second.images().count()).isEqualTo(1);
            assertThat(first.info().libraryVersion()).isEqualTo(1);
        }
    }
}
