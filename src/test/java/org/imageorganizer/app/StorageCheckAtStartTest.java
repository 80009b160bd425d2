package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.imageorganizer.cli.CliServices;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code serve} as the application wires it, over a storage folder a crash left with a file no row
 * points to: once the server answers, the orphan is moved into {@code .orphans/} and logged, the
 * referenced file stays, and the folder is marked with the library's id.
 */
@Tag("model")
@Tag("database")
class StorageCheckAtStartTest {
    private static final String MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString();
    private static final String REFERENCED = "0123456789abcdef0123456789abcdef.jpg";
    private static final String ORPHAN = "fedcba9876543210fedcba9876543210.jpg";

    @TempDir
    Path home;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    @Test
    void anOrphanLeftByACrashIsMovedAsideAfterStart() throws Exception {
        Path database = home.resolve("library.mv.db");
        Path storage = Files.createDirectories(home.resolve("storage"));
        FileTime anHourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        for (String name : List.of(REFERENCED, ORPHAN)) {
            Files.setLastModifiedTime(Files.write(storage.resolve(name), new byte[] {1, 2, 3}), anHourAgo);
        }
        try (LibraryDatabase library = LibraryDatabase.open(database)) {
            library.images().insert(new NewImage("a".repeat(64), REFERENCED, "cat.jpg", 3, 1, 1, "jpeg",
                    StorageKind.MANAGED, new Classification(new Label("cat", 0.9), new Label("indoor", 0.8)),
                    new float[32], "tiny-clip-test-1"));
        }
        Environment environment = CommandRun.home(home);
        CliWiring services = new CliWiring(new Core(environment, Map.of(), new PrintWriter(new StringWriter(), true)));

        try (CliServices.RunningServer server = services.startServer(ServerOptions.local(0),
                DatabaseLocation.file(database), storage, List.of(Path.of(MODEL)), null)) {
            Path moved = storage.resolve(".orphans").resolve(ORPHAN);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(moved) && logged(ORPHAN)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(moved).as("moved aside, not deleted").hasBinaryContent(new byte[] {1, 2, 3});
            assertThat(storage.resolve(ORPHAN)).doesNotExist();
            assertThat(storage.resolve(REFERENCED)).exists();
            assertThat(storage.resolve(".library-id")).isRegularFile();
            assertThat(logged(ORPHAN)).as("a log line names the moved file").isTrue();
        }
    }

    /** Whether a log line names this file and the orphans' folder (the appender's lock guards its list). */
    private boolean logged(String name) {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.contains(name) && m.contains(".orphans"));
        }
    }
}
