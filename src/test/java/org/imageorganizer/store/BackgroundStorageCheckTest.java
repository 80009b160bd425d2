package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imageorganizer.store.StorageReconciler.Pass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage check as the server runs it: on its own thread, with a second pass for the files too recent at first. */
@Tag("database")
class BackgroundStorageCheckTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration MARGIN = Duration.ofMinutes(1);

    /** A clock that reads a second after the start once (the first pass), then a margin after it. */
    private static Clock firstPassThenLater() {
        return new Clock() {
            private final AtomicBoolean first = new AtomicBoolean(true);

            @Override
            public Instant instant() {
                return first.getAndSet(false) ? START.plusSeconds(1) : START.plus(MARGIN);
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aFileTooRecentForTheFirstPassIsMovedByTheSecond() throws Exception {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        ManagedFolder folder = new ManagedFolder(storage);
        Instant start = START;
        String key = "00000000000000000000000000000001.png";
        Files.setLastModifiedTime(Files.write(storage.resolve(key), new byte[] {1}), FileTime.from(start.minusSeconds(3)));
        try (LibraryDatabase library = TestDatabase.h2(dir).open()) {
            folder.writeMarker(library.info().libraryId());
            StorageReconciler reconciler = new StorageReconciler(folder, library.locations(), library.info(),
                    firstPassThenLater(), MARGIN);

            try (BackgroundStorageCheck check = BackgroundStorageCheck.start(reconciler, start)) {
                List<Pass> passes = check.passes().get(60, TimeUnit.SECONDS);

                assertThat(passes).hasSize(2);
                assertThat(passes.get(0).waiting()).isEqualTo(1);
                assertThat(passes.get(1).moved()).containsExactly(key);
                assertThat(storage.resolve(".orphans").resolve(key)).exists();
            }
        }
    }

    @Test
    void closingStopsAWaitingCheck() throws Exception {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        ManagedFolder folder = new ManagedFolder(storage);
        Instant start = Instant.now();
        String key = "00000000000000000000000000000002.png";
        Files.setLastModifiedTime(Files.write(storage.resolve(key), new byte[] {1}), FileTime.from(start.minusSeconds(3)));
        try (LibraryDatabase library = TestDatabase.h2(dir).open()) {
            StorageReconciler reconciler = new StorageReconciler(folder, library.locations(), library.info(),
                    Clock.systemUTC(), Duration.ofHours(1));
            BackgroundStorageCheck check = BackgroundStorageCheck.start(reconciler, start);

            check.close();

            assertThat(check.passes()).isDone();
            assertThat(storage.resolve(key)).exists();
        }
    }
}
