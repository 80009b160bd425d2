package org.imageorganizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.services.LibraryImport;
import org.imageorganizer.services.OpenedLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library a read-only command will ask for, told from its raw arguments: what picocli's own parse gives the
 * command whenever a guess is made, and no guess for anything unusual.
 */
class ReadOnlyCommandLineTest {
    @TempDir
    Path dir;

    /** The location the command passed to {@link CliServices#readLibrary} after picocli parsed {@code args}; empty when it did not get there. */
    private static Optional<DatabaseLocation> askedByTheCommand(String... args) {
        Asked services = new Asked();
        RootCommand.forArguments(args, new CommandFactory(services), Map.of())
                .setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(new StringWriter()))
                .execute(args);
        return services.asked.isEmpty() ? Optional.empty() : Optional.of(services.asked.get(0));
    }

    private void assertGuessIsWhatTheCommandAsks(String... args) {
        Optional<DatabaseLocation> guessed = ReadOnlyCommandLine.library(args);
        assertThat(guessed).as(String.join(" ", args)).isPresent();
        assertThat(askedByTheCommand(args)).as(String.join(" ", args)).isEqualTo(guessed);
    }

    @Test
    void theGuessIsTheLocationTheCommandAsksFor() throws IOException {
        Path password = Files.writeString(dir.resolve("password"), "secret\nignored\n");
        String db = dir.resolve("library.mv.db").toString();
        assertGuessIsWhatTheCommandAsks("tree");
        assertGuessIsWhatTheCommandAsks("list", "--json");
        assertGuessIsWhatTheCommandAsks("tree", "--db", db);
        assertGuessIsWhatTheCommandAsks("list", "--db=" + db, "--json");
        assertGuessIsWhatTheCommandAsks("list", "--algorithm", "kmeans", "--k", "3", "--db", db);
        assertGuessIsWhatTheCommandAsks("export", dir.resolve("out").toString(), "--dry-run", "--db", db, "--copy");
        assertGuessIsWhatTheCommandAsks("export", "--db", db, dir.resolve("out").toString());
        assertGuessIsWhatTheCommandAsks("export", "--", "--db");
        assertGuessIsWhatTheCommandAsks("tree", "--db-url", "jdbc:postgresql://db:5432/library", "--db-user", "me");
        assertGuessIsWhatTheCommandAsks("list", "--db-url=jdbc:postgresql://db/lib", "--db-password-file", password.toString());
    }

    @Test
    void optionsAreReadAsPicocliReadsThem() {
        Path db = dir.resolve("library.mv.db");
        assertThat(ReadOnlyCommandLine.library(new String[] {"tree"})).contains(DatabaseLocation.DEFAULT);
        assertThat(ReadOnlyCommandLine.library(new String[] {"list", "--db", db.toString()})).contains(DatabaseLocation.file(db));
        assertThat(ReadOnlyCommandLine.library(new String[] {"export", "--", "--db", db.toString()}))
                .as("after --, only positional parameters").contains(DatabaseLocation.DEFAULT);
    }

    @Test
    void anythingElseGivesNoGuess() {
        String db = dir.resolve("library.mv.db").toString();
        List<String[]> none = new ArrayList<>(List.of(new String[0], new String[] {"organize", "photos", "--db", db},
                new String[] {"serve", "--db", db}, new String[] {"search", "cat", "--db", db}, new String[] {"--version"},
                new String[] {"list", "--help"}, new String[] {"tree", "-h"}, new String[] {"export", "out", "-V"},
                new String[] {"list", "--version"}, new String[] {"list", "--db"}, new String[] {"list", "--db", "a", "--db", "b"},
                new String[] {"list", "--db", db, "--db-url", "jdbc:h2:mem:x"}, new String[] {"list", "@arguments.txt"},
                new String[] {"list", "--db-url", "jdbc:postgresql://db/lib", "--db-password-file",
                        dir.resolve("missing").toString()}, new String[] {"Tree"}));
        for (String[] args : none) {
            assertThat(ReadOnlyCommandLine.library(args)).as(String.join(" ", args)).isEmpty();
        }
    }

    /** Records what the read-only commands asked for, and stops them there. */
    private static final class Asked implements CliServices {
        final List<DatabaseLocation> asked = new ArrayList<>();

        @Override
        public Settings settings() {
            return Settings.defaults();
        }

        @Override
        public OpenedLibrary readLibrary(DatabaseLocation location, ClusterSettings clustering) {
            asked.add(location);
            throw new UserException("stop here");
        }

        @Override
        public OpenedLibrary openLibrary(DatabaseLocation location, ClusterSettings clustering) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LibraryImport openImport(DatabaseLocation location, Supplier<ClusterSettings> clustering, List<Path> modelDirs,
                String precision, Integer views, Boolean adaptive) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortingSession openSorting(DatabaseLocation location, List<Path> modelDirs) {
            throw new UnsupportedOperationException("these tests sort nothing");
        }

        @Override
        public SearchSession openSearch(DatabaseLocation location, List<Path> modelDirs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Path, String> downloadModels(String precision) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunningServer startServer(ServerOptions options, DatabaseLocation database, Path storage,
                List<Path> modelDirs, String precision) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CloudSync openSync(DatabaseLocation location, Integer concurrency) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Training startTraining(List<Path> modelDirs) {
            throw new UnsupportedOperationException();
        }
    }
}
