package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.DriverManager;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.Environment;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.services.LibraryImport;
import org.imageorganizer.services.ReadOnlyLibrary;
import org.imageorganizer.services.StoreLibrary;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryReader;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code organize} of a folder the library has unchanged is answered from a read of the library, with
 * what the full path prints and writes; anything to read takes the full path.
 */
@Tag("model")
@Tag("database")
class OrganizeRunTest {
    private static final String MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString();
    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private Environment environment;
    private Path lib;

    @BeforeEach
    void setUp() throws IOException {
        environment = CommandRun.home(home);
        lib = home.resolve("library");
        for (int i = 0; i < 6; i++) {
            Path file = TestImages.write(TestImages.picture(i % 3, i, 320, 240), i % 2 == 0 ? "jpg" : "png",
                    photos.resolve(i < 3 ? "a" : "b/c").resolve("photo-" + i + (i % 2 == 0 ? ".jpg" : ".png")));
            // settled: an import records the time of a file that did not change in the last seconds
            Files.setLastModifiedTime(file, AN_HOUR_AGO);
        }
    }

    private CommandRun organize(String model, String name) {
        return CommandRun.of(environment, Map.of(), "organize", photos.toString(), "--db", lib.toString(), "--model-dir", model,
                "--views", "1", "-v", "--report", home.resolve(name + "-report.json").toString(),
                "--json", home.resolve(name + "-tree.json").toString());
    }

    /** What a run printed, without the time taken and the names of its output files. */
    private static String timeless(String text, String name) {
        return text.replaceAll("\\(\\d+(\\.\\d+)? s\\)", "(N s)").replace(name + "-", "run-");
    }

    private JsonNode report(String name) throws IOException {
        ObjectNode report = (ObjectNode) new ObjectMapper().readTree(home.resolve(name + "-report.json").toFile());
        assertThat(report.remove("elapsed_seconds")).isNotNull();
        return report;
    }

    private JsonNode tree(String name) throws IOException {
        return new ObjectMapper().readTree(home.resolve(name + "-tree.json").toFile());
    }

    @Test
    void anUnchangedFolderNeedsNeitherTheModelNorTheFullLibraryAndPrintsWhatTheFullPathPrints() throws IOException {
        CommandRun first = organize(MODEL, "first");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("6 imported");

        // a model folder that does not exist: only a run that needs no model succeeds
        CommandRun unchanged = organize(home.resolve("no-model").toString(), "unchanged");
        assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();

        // one file touched: read again (found in the library, its new time recorded) on the full path
        Files.setLastModifiedTime(photos.resolve("a/photo-0.jpg"), FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        CommandRun touched = organize(MODEL, "touched");
        assertThat(touched.exitCode()).as(touched.err()).isZero();

        assertThat(timeless(unchanged.err(), "unchanged")).isEqualTo(timeless(touched.err(), "touched"))
                .contains("0 imported, 6 duplicates (6 already in the library from an earlier run)")
                .contains("a/photo-0.jpg: already in the library (id ");
        assertThat(unchanged.out()).isEqualTo(touched.out()).isEqualTo(first.out()).contains("6 images in");
        assertThat(report("unchanged")).isEqualTo(report("touched"));
        assertThat(report("unchanged").get("duplicates")).hasSize(6);
        assertThat(tree("unchanged")).isEqualTo(tree("touched")).isEqualTo(tree("first"));
    }

    @Test
    void onlyAnImportWithNothingToReadIsAnsweredWithoutOpeningTheLibraryForWriting() throws IOException {
        CliWiring wiring = new CliWiring(new Core(environment, Map.of(), new PrintWriter(new StringWriter())));
        DatabaseLocation location = DatabaseLocation.file(lib);
        List<Class<?>> opened = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            if (run == 2) {
                TestImages.write(TestImages.picture(2, 9, 320, 240), "jpg", photos.resolve("new.jpg"));
            }
            try (LibraryImport organize = wiring.openImport(location, ClusterSettings::defaults, List.of(Path.of(MODEL)),
                    null, 1, null)) {
                ImportSummary summary = organize.organize(List.of(photos), ImportListener.NONE, () -> false);
                assertThat(summary.imported()).isEqualTo(run == 1 ? 0 : run == 0 ? 6 : 1);
                assertThat(organize.library().queries().sortedTree().totalImages()).isEqualTo(run == 2 ? 7 : 6);
                opened.add(organize.library().getClass());
                if (organize.library() instanceof ReadOnlyLibrary read) {
                    assertThat(read.openedFully()).as("clustered by the import before: read as stored").isFalse();
                }
            }
        }
        assertThat(opened).containsExactly(StoreLibrary.class, ReadOnlyLibrary.class, StoreLibrary.class);
    }

    /** A library with a migration this program does not have: not readable before, and refused by Flyway when opened. */
    private void foreignSchema() throws Exception {
        LibraryDatabase.open(lib).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + lib, "sa", "")) {
            c.createStatement().executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '3.5', 'foreign', 'SQL', 'V3_5__foreign.sql', 'SA', 0, TRUE)");
        }
    }

    @Test
    void aLibraryThatCannotBeOpenedIsOneSentenceBeforeAnyOtherFailure() throws Exception {
        foreignSchema();
        for (String model : List.of(MODEL, home.resolve("no-model").toString())) {
            CommandRun run = CommandRun.of(environment, Map.of(), "organize", photos.toString(), "--db", lib.toString(),
                    "--model-dir", model);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ErrorHandler.USER_ERROR);
            assertThat(run.err()).startsWith("error: Cannot open the library " + lib + ".mv.db: its schema could not be updated")
                    .hasLineCount(1);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aNewLibraryThatCannotBeCreatedIsOneSentenceEvenWhenTheModelIsMissingToo() throws IOException {
        Files.createDirectories(home.resolve("folder.mv.db")); // passes the checks made at once; H2 refuses it
        CommandRun run = CommandRun.of(environment, Map.of(), "organize", photos.toString(), "--db",
                home.resolve("folder").toString(), "--model-dir", home.resolve("no-model").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(run.err()).startsWith("error: Cannot open the library " + home.resolve("folder.mv.db")).hasLineCount(1);
    }

    @Test
    void aModelThatIsMissingIsTheSameSentenceAsBeforeAndTheNewLibraryIsWhole() {
        CommandRun run = CommandRun.of(environment, Map.of(), "organize", photos.toString(), "--db", lib.toString(),
                "--model-dir", home.resolve("no-model").toString());
        assertThat(run.exitCode()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(run.err()).startsWith("error: Model folder " + home.resolve("no-model")).hasLineCount(1);
        try (LibraryReader created = LibraryReader.open(lib).orElseThrow()) {
            assertThat(created.count(null, null)).isZero();
            assertThat(created.modelId()).isEmpty();
        }
    }

    @Test
    void anImportCancelledWhileANewLibraryOpensStopsAndLeavesTheLibraryWhole() {
        CliWiring wiring = new CliWiring(new Core(environment, Map.of(), new PrintWriter(new StringWriter())));
        try (LibraryImport organize = wiring.openImport(DatabaseLocation.file(lib), ClusterSettings::defaults,
                List.of(Path.of(MODEL)), null, 1, null)) {
            ImportSummary summary = organize.organize(List.of(photos), ImportListener.NONE, () -> true);
            assertThat(summary.cancelled()).isTrue();
            assertThat(summary.imported()).isZero();
        }
        try (LibraryReader created = LibraryReader.open(lib).orElseThrow()) {
            assertThat(created.count(null, null)).isZero();
        }
    }
}
