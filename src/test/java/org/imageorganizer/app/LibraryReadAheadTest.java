package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.Environment;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryException;
import org.imageorganizer.store.LibraryReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library of a read-only command, opened ahead of the command line: the command gets it when it asks for the
 * same library, and otherwise opens what it asks for as before; a library nobody took is closed.
 */
@Tag("database")
class LibraryReadAheadTest {
    @TempDir
    Path home;

    private Environment environment;
    private Path library;
    private final List<DatabaseLocation> openedByTheCommand = new ArrayList<>();

    @BeforeEach
    void setUp() {
        environment = CommandRun.home(home);
        library = home.resolve("library.mv.db");
        LibraryDatabase.open(library).close();
    }

    /** What the command opens itself when it does not take the library read ahead. */
    private final Function<DatabaseLocation, Optional<LibraryReader>> commandOpens = location -> {
        openedByTheCommand.add(location);
        return LibraryReader.open(location.file());
    };

    private LibraryReadAhead start(String... args) {
        return LibraryReadAhead.start(args, environment, Map.of());
    }

    private static Path lockFile(Path library) {
        String name = library.getFileName().toString();
        return library.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + ".lock.db");
    }

    @Test
    void theCommandTakesTheLibraryOpenedAheadForTheSameLocation() {
        try (LibraryReadAhead ahead = start("list", "--json", "--db", library.toString());
                LibraryReader reader = ahead.reader(DatabaseLocation.file(library), commandOpens).orElseThrow()) {
            assertThat(openedByTheCommand).isEmpty();
            assertThat(reader.count(null, null)).isZero();
            assertThat(ahead.reader(DatabaseLocation.file(library), commandOpens)).as("taken once").isPresent()
                    .get().satisfies(LibraryReader::close);
            assertThat(openedByTheCommand).hasSize(1);
        }
    }

    @Test
    void theSettingsSayWhereTheLibraryIsWhenTheOptionsDoNot() throws Exception {
        Files.createDirectories(environment.settingsFile().getParent());
        Files.writeString(environment.settingsFile(), "{\"database\": \"" + library.toString().replace("\\", "\\\\") + "\"}");
        try (LibraryReadAhead ahead = start("tree");
                LibraryReader reader = ahead.reader(DatabaseLocation.file(library), commandOpens).orElseThrow()) {
            assertThat(openedByTheCommand).isEmpty();
        }
    }

    @Test
    void anotherLocationIsOpenedByTheCommandAndTheOneReadAheadClosed() throws Exception {
        Path other = home.resolve("other.mv.db");
        LibraryDatabase.open(other).close();
        try (LibraryReadAhead ahead = start("tree", "--db", library.toString())) {
            awaitOpen(library);
            try (LibraryReader reader = ahead.reader(DatabaseLocation.file(other), commandOpens).orElseThrow()) {
                assertThat(openedByTheCommand).containsExactly(DatabaseLocation.file(other));
                assertThat(lockFile(library)).doesNotExist();
            }
        }
    }

    @Test
    void aLibraryNobodyTookIsClosed() throws Exception {
        LibraryReadAhead ahead = start("export", "out", "--bogus", "--db", library.toString());
        awaitOpen(library);
        ahead.close();
        assertThat(lockFile(library)).doesNotExist();
    }

    @Test
    void otherCommandsReadNothingAhead() {
        for (String[] args : List.of(new String[] {"organize", "photos", "--db", library.toString()}, new String[] {"list", "--help"})) {
            try (LibraryReadAhead ahead = LibraryReadAhead.start(args, environment, Map.of())) {
                ahead.reader(DatabaseLocation.file(library), commandOpens).ifPresent(LibraryReader::close);
            }
        }
        assertThat(openedByTheCommand).hasSize(2);
    }

    @Test
    void aLibraryThatDoesNotExistIsLeftToTheFullPathAndNotCreated() {
        Path missing = home.resolve("missing.mv.db");
        try (LibraryReadAhead ahead = start("list", "--db", missing.toString())) {
            assertThat(ahead.reader(DatabaseLocation.file(missing), commandOpens)).isEmpty();
        }
        assertThat(openedByTheCommand).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDamagedLibraryFailsAsOpeningItNowWould() throws Exception {
        Path garbage = home.resolve("garbage.mv.db");
        Files.write(garbage, "this is not a database".repeat(200).getBytes(StandardCharsets.UTF_8));
        Throwable now = catchThrowable(() -> LibraryReader.open(garbage));
        assertThat(now).isInstanceOf(LibraryException.class);
        try (LibraryReadAhead ahead = start("tree", "--db", garbage.toString())) {
            assertThatThrownBy(() -> ahead.reader(DatabaseLocation.file(garbage), commandOpens))
                    .isInstanceOf(LibraryException.class).hasMessage(now.getMessage());
        }
        assertThat(openedByTheCommand).isEmpty();
    }

    /** Waits until the library is open (its lock file is there): the look ahead runs on its own thread. */
    private static void awaitOpen(Path library) throws InterruptedException {
        for (int i = 0; i < 1000 && !Files.exists(lockFile(library)); i++) {
            Thread.sleep(10);
        }
        assertThat(lockFile(library)).exists();
    }
}
