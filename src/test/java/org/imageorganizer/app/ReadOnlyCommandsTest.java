package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.imageorganizer.cli.CliServices;
import org.imageorganizer.cli.CommandFactory;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.cli.RootCommand;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.services.LibraryImport;
import org.imageorganizer.services.OpenedLibrary;
import org.imageorganizer.services.ReadOnlyLibrary;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryReader;
import org.imageorganizer.store.TestDatabase;
import org.imageorganizer.testing.PhotoLibrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tree}, {@code list} and {@code export} on the read path (plain JDBC) print exactly what they
 * print on the full path (Hibernate and the clusterer), whatever state the library is in.
 */
@Tag("database")
class ReadOnlyCommandsTest {
    @TempDir
    Path home;

    private Environment environment;

    @BeforeEach
    void setUp() {
        environment = CommandRun.home(home);
    }

    /** The command line as Main wires it: the read-only commands on the read path. */
    private CommandRun read(String... args) {
        return CommandRun.of(environment, Map.of(), args);
    }

    /** The same command line with the read-only commands on the full path (CliServices' default readLibrary). */
    private CommandRun full(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err, true);
        CliServices wiring = new CliWiring(new Core(environment, Map.of(), errWriter));
        int code = RootCommand.forArguments(args, new CommandFactory(new FullPath(wiring)), Map.of())
                .setExecutionExceptionHandler(new ErrorHandler(environment.logDir().resolve("image-organizer.log")))
                .setOut(new PrintWriter(out, true))
                .setErr(errWriter)
                .execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    private void assertSameOutput(String... args) {
        CommandRun fast = read(args);
        CommandRun slow = full(args);
        assertThat(fast.exitCode()).as(fast.err()).isZero();
        assertThat(fast).isEqualTo(slow);
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private void assertEveryCommandPrintsTheSame(String... db) {
        // another algorithm first (its clusters replace the stored ones), then the settings' again
        assertSameOutput(with(new String[] {"export", home.resolve("out").toString(), "--dry-run", "--copy", "--algorithm",
                "kmeans", "--k", "2"}, db));
        assertSameOutput(with(new String[] {"tree"}, db));
        assertSameOutput(with(new String[] {"list"}, db));
        assertSameOutput(with(new String[] {"list", "--json"}, db));
        assertSameOutput(with(new String[] {"export", home.resolve("out").toString(), "--dry-run"}, db));
    }

    @Test
    void aLibraryPrintsTheSameOnBothPathsAndIsReadWithoutTheFullLibraryOnceClustered() {
        Path lib = home.resolve("library.mv.db");
        try (LibraryDatabase db = LibraryDatabase.open(lib)) {
            PhotoLibrary.fill(db, home.resolve("photos"), 14);
        }
        CommandRun first = read("tree", "--db", lib.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("14 images in 2 object groups" + System.lineSeparator())
                .doesNotContain("being updated");

        assertEveryCommandPrintsTheSame("--db", lib.toString());

        CliWiring wiring = new CliWiring(new Core(environment, Map.of(), new PrintWriter(new StringWriter())));
        try (OpenedLibrary opened = wiring.readLibrary(DatabaseLocation.file(lib), ClusterSettings.defaults())) {
            assertThat(opened).isInstanceOf(ReadOnlyLibrary.class);
            opened.queries().sortedTree();
            assertThat(((ReadOnlyLibrary) opened).openedFully()).as("clustered: read without Hibernate").isFalse();
        }
        try (LibraryDatabase db = LibraryDatabase.open(lib)) {
            PhotoLibrary.fill(db, home.resolve("photos"), 14, 3);
        }
        try (OpenedLibrary opened = wiring.readLibrary(DatabaseLocation.file(lib), ClusterSettings.defaults())) {
            assertThat(opened.queries().sortedTree().totalImages()).isEqualTo(17);
            assertThat(((ReadOnlyLibrary) opened).openedFully()).as("stale: clustered on the full path").isTrue();
        }
        assertEveryCommandPrintsTheSame("--db", lib.toString());
    }

    @Test
    void aLibraryThatDoesNotExistYetIsCreatedAsBefore() {
        CommandRun fast = read("tree", "--db", home.resolve("new-a").toString());
        CommandRun slow = full("tree", "--db", home.resolve("new-b").toString());
        assertThat(fast).isEqualTo(slow);
        assertThat(fast.out()).isEqualTo("The library is empty." + System.lineSeparator());
        assertThat(home.resolve("new-a.mv.db")).exists();
        assertThat(LibraryReader.open(home.resolve("new-a.mv.db"))).isPresent().get().satisfies(LibraryReader::close);
    }

    @Test
    void aLibraryOfAnOlderSchemaIsMigratedOnTheFullPath() {
        Path base = home.resolve("old");
        Flyway.configure().dataSource("jdbc:h2:file:" + base, "sa", "").locations("classpath:db/migration")
                .target("1").load().migrate();
        assertThat(LibraryReader.open(home.resolve("old.mv.db"))).isEmpty();

        CommandRun run = read("list", "--db", base.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(LibraryReader.open(home.resolve("old.mv.db"))).isPresent().get().satisfies(LibraryReader::close);
    }

    @Test
    void aDamagedLibraryIsTheSameOneLineError() throws Exception {
        Path garbage = home.resolve("garbage.mv.db");
        Files.write(garbage, "this is not a database".repeat(200).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CommandRun fast = read("tree", "--db", garbage.toString());
        CommandRun slow = full("tree", "--db", garbage.toString());
        assertThat(fast.exitCode()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(fast).isEqualTo(slow);
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("garbage")))
                    .containsExactly("garbage.mv.db");
        }
    }

    @Test
    void aPostgresLibraryPrintsTheSameOnBothPaths() {
        String url = TestDatabase.newPostgresUrl();
        try (LibraryDatabase db = LibraryDatabase.connect(url, "postgres", "")) {
            PhotoLibrary.fill(db, home.resolve("photos"), 9);
        }
        assertEveryCommandPrintsTheSame("--db-url", url, "--db-user", "postgres");
        CliWiring wiring = new CliWiring(new Core(environment, Map.of(), new PrintWriter(new StringWriter())));
        try (OpenedLibrary opened = wiring.readLibrary(new DatabaseLocation(null, url, "postgres", ""), ClusterSettings.defaults())) {
            assertThat(opened.queries().sortedTree().totalImages()).isEqualTo(9);
            assertThat(((ReadOnlyLibrary) opened).openedFully()).isFalse();
        }
    }

    /** Every service as the wiring gives it, except that the read-only commands take the full path. */
    private record FullPath(CliServices wiring) implements CliServices {
        @Override
        public Settings settings() {
            return wiring.settings();
        }

        @Override
        public OpenedLibrary openLibrary(DatabaseLocation location, ClusterSettings clustering) {
            return wiring.openLibrary(location, clustering);
        }

        @Override
        public LibraryImport openImport(DatabaseLocation location, Supplier<ClusterSettings> clustering, List<Path> modelDirs,
                String precision, Integer views, Boolean adaptive) {
            return wiring.openImport(location, clustering, modelDirs, precision, views, adaptive);
        }

        @Override
        public SortingSession openSorting(DatabaseLocation location, List<Path> modelDirs) {
            throw new UnsupportedOperationException("these tests sort nothing");
        }

        @Override
        public SearchSession openSearch(DatabaseLocation location, List<Path> modelDirs) {
            return wiring.openSearch(location, modelDirs);
        }

        @Override
        public Map<Path, String> downloadModels(String precision) {
            return wiring.downloadModels(precision);
        }

        @Override
        public RunningServer startServer(ServerOptions options, DatabaseLocation database, Path storage,
                List<Path> modelDirs, String precision) {
            return wiring.startServer(options, database, storage, modelDirs, precision);
        }

        @Override
        public CloudSync openSync(DatabaseLocation location, Integer concurrency) {
            return wiring.openSync(location, concurrency);
        }

        @Override
        public Training startTraining(List<Path> modelDirs) {
            return wiring.startTraining(modelDirs);
        }
    }
}
