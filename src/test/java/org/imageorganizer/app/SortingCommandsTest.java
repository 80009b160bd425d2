package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imageorganizer.config.Environment;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code label}, {@code categories} and {@code resort} as a user runs them, with the tiny model (issue 18). */
@Tag("model")
@Tag("database")
class SortingCommandsTest {
    private static final String MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private Environment environment;
    private String db;

    @BeforeEach
    void organize() {
        environment = CommandRun.home(home);
        db = home.resolve("library.mv.db").toString();
        for (int i = 0; i < 12; i++) {
            TestImages.write(TestImages.picture(i % 4, i, 320, 240), "jpg", photos.resolve("p" + i + ".jpg"));
        }
        CommandRun organized = run("organize", photos.toString(), "--db", db, "--model-dir", MODEL);
        assertThat(organized.exitCode()).as(organized.err()).isZero();
    }

    private CommandRun run(String... args) {
        return CommandRun.of(environment, Map.of(), args);
    }

    private CommandRun ok(String... args) {
        CommandRun run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private JsonNode rows() throws Exception {
        return JSON.readTree(ok("list", "--db", db, "--json").out());
    }

    private static JsonNode row(JsonNode rows, long id) {
        for (JsonNode row : rows) {
            if (row.get("id").asLong() == id) {
                return row;
            }
        }
        throw new AssertionError("no row " + id);
    }

    @Test
    void aCorrectionWinsEverywhereSurvivesAResortAndGoesBackWithPredicted() throws Exception {
        JsonNode before = rows();
        String predicted = row(before, 2).get("object_category").asText();
        String other = predicted.equals("dog") ? "cat" : "dog";

        CommandRun labelled = ok("label", "1", "2", "--object", other, "--background", "beach", "--db", db);
        assertThat(labelled.out()).contains("Put 2 photos in the object category \"" + other + "\".")
                .contains("To undo: image-organizer label 1 2 --predicted");
        JsonNode after = rows();
        for (long id : new long[] {1, 2}) {
            assertThat(row(after, id).get("object_category").asText()).isEqualTo(other);
            assertThat(row(after, id).get("object_by_user").asBoolean()).isTrue();
            assertThat(row(after, id).get("background_category").asText()).isEqualTo("beach");
            assertThat(row(after, id).get("background_by_user").asBoolean()).isTrue();
        }
        assertThat(row(after, 3).get("object_by_user").asBoolean()).isFalse();
        assertThat(ok("list", "--db", db).out()).contains(other + " (yours)");
        Path tree = home.resolve("tree.json");
        ok("tree", "--db", db, "--json", tree.toString());
        assertThat(JSON.readTree(tree.toFile()).findValuesAsText("object_category")).contains(other);

        // the corrections teach their categories: a look-alike may move with them, the photos chosen stay
        assertThat(ok("resort", "--db", db, "--model-dir", MODEL).out()).contains("Re-sorted 12 photos: ");
        JsonNode resorted = rows();
        for (long id : new long[] {1, 2}) {
            assertThat(row(resorted, id).get("object_category").asText()).as("the user's choice survives").isEqualTo(other);
            assertThat(row(resorted, id).get("object_by_user").asBoolean()).isTrue();
        }
        assertThat(resorted).filteredOn(r -> r.get("object_by_user").asBoolean()).hasSize(2);

        ok("label", "2", "--predicted", "object", "--db", db);
        JsonNode reverted = row(rows(), 2);
        assertThat(reverted.get("object_category").asText()).isEqualTo(predicted);
        assertThat(reverted.get("object_by_user").asBoolean()).isFalse();
        assertThat(reverted.get("background_category").asText()).as("the other kind stays the user's").isEqualTo("beach");
    }

    @Test
    void mistakesGetASentenceAndChangeNothing() throws Exception {
        JsonNode before = rows();
        CommandRun unknownCategory = run("label", "1", "--object", "unicorn", "--db", db);
        assertThat(unknownCategory.exitCode()).isEqualTo(2);
        assertThat(unknownCategory.err()).contains("There is no object category \"unicorn\"; the object categories are: cat, dog");
        CommandRun unknownPhoto = run("label", "1", "999", "--object", "dog", "--db", db);
        assertThat(unknownPhoto.err()).contains("The library has no photo with id 999.");
        CommandRun other = run("categories", "add", "Other", "--kind", "object", "--db", db);
        assertThat(other.err()).contains("\"other\" is kept for the photos the app is unsure about");
        CommandRun twice = run("categories", "add", "DOG", "--kind", "object", "--db", db);
        assertThat(twice.err()).contains("There is already an object category \"DOG\".");
        CommandRun kind = run("categories", "add", "x", "--kind", "animal", "--db", db);
        assertThat(kind.err()).contains("A category is of kind \"object\" or \"background\", not \"animal\".");
        CommandRun threshold = run("categories", "threshold", "1.5", "--db", db);
        assertThat(threshold.err()).contains("The confidence threshold is at least 0 and below 1, not 1.5.");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void categoriesAreTheLibrarysAndARemovedOnesPhotosGoToTheirNextBestAtTheResort() throws Exception {
        JsonNode listed = JSON.readTree(ok("categories", "list", "--json", "--db", db).out());
        assertThat(listed).extracting(c -> c.get("name").asText()).contains("cat", "dog", "indoor", "beach");

        ok("categories", "add", "my bike", "--kind", "object", "--words", "a red road bike", "--db", db);
        JsonNode added = JSON.readTree(ok("categories", "list", "--json", "--db", db).out());
        assertThat(added).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("my bike");
            assertThat(c.get("kind").asText()).isEqualTo("object");
            assertThat(c.get("words").asText()).isEqualTo("a red road bike");
        });

        JsonNode before = rows();
        String busiest = busiestObject(before);
        List<Long> inIt = idsWith(before, busiest);
        ok("label", String.valueOf(inIt.get(0)), "--object", busiest, "--db", db); // the user's own choice stays
        CommandRun removed = ok("categories", "remove", busiest, "--db", db);
        assertThat(removed.out()).contains("Removed the object category \"" + busiest + "\".");
        CommandRun resorted = ok("resort", "--db", db, "--model-dir", MODEL);
        assertThat(resorted.out()).contains("Re-sorted 12 photos: ");
        JsonNode after = rows();
        assertThat(after).hasSize(12).as("no photo leaves the library");
        for (long id : inIt) {
            assertThat(row(after, id).get("object_category").asText()).as("photo %d", id).isNotEqualTo(busiest);
            assertThat(row(after, id).get("object_by_user").asBoolean()).isFalse();
        }
    }

    @Test
    void aRenamedCategoryKeepsItsPhotosAndItsClusters() throws Exception {
        JsonNode before = rows();
        String busiest = busiestObject(before);
        List<Long> inIt = idsWith(before, busiest);
        String treeBefore = ok("tree", "--db", db).out();

        CommandRun renamed = ok("categories", "rename", busiest, "Holiday things", "--db", db);
        assertThat(renamed.out()).contains("Renamed the object category \"" + busiest + "\" to \"Holiday things\".");
        assertThat(idsWith(rows(), "Holiday things")).isEqualTo(inIt);
        assertThat(ok("tree", "--db", db).out()).isEqualTo(treeBefore.replace(busiest + " (", "Holiday things ("));
        assertThat(ok("resort", "--db", db, "--model-dir", MODEL).out()).contains("0 changed");
    }

    private static String busiestObject(JsonNode rows) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        rows.forEach(r -> counts.merge(r.get("object_category").asText(), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> !e.getKey().equals("other"))
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    private static List<Long> idsWith(JsonNode rows, String object) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get("object_category").asText().equals(object)) {
                ids.add(r.get("id").asLong());
            }
        });
        return ids;
    }

    @Test
    void theCategoriesComeFromTheSettingsWhenTheLibraryIsMade() throws Exception {
        Path otherHome = Files.createDirectories(home.resolve("other"));
        Environment custom = CommandRun.home(otherHome);
        Files.createDirectories(custom.configDir());
        Files.writeString(custom.settingsFile(), "{\"labels\": {\"objects\": [\"receipt\", \"cake\"],"
                + " \"backgrounds\": [\"kitchen\", \"garden\"], \"confidence_threshold\": 0.35}}");
        String library = otherHome.resolve("lib.mv.db").toString();
        CommandRun made = CommandRun.of(custom, Map.of(), "organize", photos.toString(), "--db", library, "--model-dir", MODEL);
        assertThat(made.exitCode()).as(made.err()).isZero();
        JsonNode listed = JSON.readTree(CommandRun.of(custom, Map.of(), "categories", "list", "--json", "--db", library).out());
        assertThat(listed).extracting(c -> c.get("name").asText()).containsExactly("receipt", "cake", "kitchen", "garden");
        assertThat(CommandRun.of(custom, Map.of(), "categories", "threshold", "--db", library).out().strip()).isEqualTo("0.35");
    }

    @Test
    void aNewLibraryTakesTheCorrectionsOfTheOldOneByContent() throws Exception {
        ok("categories", "add", "my bike", "--kind", "object", "--words", "a red road bike", "--db", db);
        ok("label", "3", "4", "--object", "my bike", "--db", db);
        ok("label", "5", "--background", "beach", "--db", db);
        JsonNode old = rows();
        String newDb = home.resolve("new.mv.db").toString();

        CommandRun moved = ok("organize", photos.toString(), "--db", newDb, "--model-dir", MODEL, "--corrections-from", db);
        assertThat(moved.err()).contains("Took 3 corrections from " + db + " (1 categories added).");

        JsonNode rows = JSON.readTree(ok("list", "--db", newDb, "--json").out());
        for (long id : new long[] {3, 4, 5}) {
            JsonNode before = row(old, id);
            JsonNode after = rowAt(rows, before.get("path").asText());
            assertThat(after.get("object_category").asText()).isEqualTo(before.get("object_category").asText());
            assertThat(after.get("object_by_user").asBoolean()).isEqualTo(before.get("object_by_user").asBoolean());
            assertThat(after.get("background_category").asText()).isEqualTo(before.get("background_category").asText());
        }
        assertThat(rows).filteredOn(r -> r.get("object_by_user").asBoolean()).hasSize(2);
        CommandRun missing = run("organize", photos.toString(), "--db", newDb, "--model-dir", MODEL, "--corrections-from",
                home.resolve("nowhere.mv.db").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("There is no library at " + home.resolve("nowhere.mv.db") + " to take corrections from.");
    }

    private static JsonNode rowAt(JsonNode rows, String path) {
        for (JsonNode row : rows) {
            if (row.get("path").asText().equals(path)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + path);
    }
}
