package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code search} and {@code similar} as a user runs them, after {@code organize}, with the tiny model. */
@Tag("model")
@Tag("database")
class SearchCommandsTest {
    private static final String MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private Environment environment;
    private String db;
    private final List<Path> files = new ArrayList<>();

    @BeforeEach
    void organize() {
        environment = CommandRun.home(home);
        db = home.resolve("library.mv.db").toString();
        for (int family = 0; family < 3; family++) {
            for (int variant = 0; variant < 4; variant++) {
                files.add(TestImages.write(TestImages.picture(family, variant, 320, 240), "png",
                        photos.resolve("f" + family + "-v" + variant + ".png")));
            }
        }
        assertThat(run("organize", photos.toString(), "--db", db, "--model-dir", MODEL, "--views", "1").exitCode()).isZero();
    }

    private CommandRun run(String... args) {
        return CommandRun.of(environment, Map.of(), args);
    }

    private JsonNode json(String... args) throws Exception {
        CommandRun run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static List<Double> scores(JsonNode answer) {
        List<Double> scores = new ArrayList<>();
        answer.get("images").forEach(i -> scores.add(i.get("score").asDouble()));
        return scores;
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("images").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void aTextRanksThePhotosBestFirstTheSameEveryTimeAndFiltersHold() throws Exception {
        JsonNode answer = json("search", "a", "dog", "--db", db, "--model-dir", MODEL, "--limit", "5", "--json");
        assertThat(ids(answer)).hasSize(5).doesNotHaveDuplicates();
        assertThat(scores(answer)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(answer.get("matched").asLong()).isEqualTo(files.size());
        assertThat(json("search", "a dog", "--db", db, "--model-dir", MODEL, "--limit", "5", "--json")).isEqualTo(answer);

        String object = answer.get("images").get(0).get("object_category").asText();
        JsonNode filtered = json("search", "a dog", "--db", db, "--model-dir", MODEL, "--object", object, "--json");
        assertThat(filtered.get("images")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.get("object_category").asText()).isEqualTo(object));

        JsonNode none = json("search", "a dog", "--db", db, "--model-dir", MODEL, "--object", "no such thing", "--json");
        assertThat(none.get("images")).isEmpty();
        assertThat(none.get("suggestions")).extracting(JsonNode::asText).contains(object);
        CommandRun table = run("search", "a dog", "--db", db, "--model-dir", MODEL, "--object", "no such thing");
        assertThat(table.out()).startsWith("No photo matches \"a dog\".").contains("The library's categories: ");
    }

    @Test
    void similarPhotosLeaveOutThePhotoAndAFileOfTheLibraryFindsItself() throws Exception {
        long id = ids(json("search", "a photo", "--db", db, "--model-dir", MODEL, "--limit", "1", "--json")).get(0);
        JsonNode similar = json("similar", Long.toString(id), "--db", db, "--limit", "20", "--json");
        List<Long> apart = new ArrayList<>();
        similar.get("duplicates").forEach(d -> apart.add(d.get("id").asLong()));
        assertThat(ids(similar)).doesNotContain(id).doesNotContainAnyElementsOf(apart);
        assertThat(ids(similar).size() + apart.size()).as("every other photo, its near-duplicates apart")
                .isEqualTo(files.size() - 1);
        assertThat(scores(similar)).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        JsonNode byFile = json("similar", "--file", files.get(5).toString(), "--db", db, "--model-dir", MODEL,
                "--limit", "1", "--json");
        assertThat(byFile.get("images").get(0).get("path").asText()).isEqualTo(files.get(5).toString());
        assertThat(byFile.get("images").get(0).get("score").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void photosAddedByAnotherRunAreFound() throws Exception {
        Path later = photos.resolve("later");
        TestImages.write(TestImages.picture(1, 9, 300, 200), "png", later.resolve("new.png"));
        assertThat(run("organize", later.toString(), "--db", db, "--model-dir", MODEL, "--views", "1").exitCode()).isZero();
        JsonNode answer = json("search", "a dog", "--db", db, "--model-dir", MODEL, "--limit", "50", "--json");
        assertThat(answer.get("matched").asLong()).isEqualTo(files.size() + 1);
        assertThat(answer.get("images")).extracting(i -> i.get("path").asText()).contains(later.resolve("new.png").toString());
    }

    @Test
    void mistakesGetOneSentence() {
        CommandRun missing = run("similar", "999", "--db", db);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("There is no photo with id 999.").doesNotContain("Exception");
        CommandRun blank = run("search", "  ", "--db", db, "--model-dir", MODEL);
        assertThat(blank.err()).contains("Cannot search: the search text is empty.");
        CommandRun notImage = run("similar", "--file", photos.resolve("nothing.jpg").toString(), "--db", db, "--model-dir", MODEL);
        assertThat(notImage.exitCode()).isEqualTo(2);
        assertThat(notImage.err()).contains("Cannot compare: nothing.jpg is not a file.");
        CommandRun both = run("similar", "3", "--file", files.get(0).toString(), "--db", db);
        assertThat(both.exitCode()).isEqualTo(2);
        CommandRun limit = run("search", "dog", "--db", db, "--limit", "0");
        assertThat(limit.err()).contains("--limit must be between 1 and 10000.");
    }
}
