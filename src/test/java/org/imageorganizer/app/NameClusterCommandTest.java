package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code name-cluster} as a user runs it on a library organised with the tiny model: the name shows in
 * {@code tree}, {@code tree --json} and {@code list}, and survives a second import of the folder and a
 * re-clustering of every group.
 */
@Tag("model")
@Tag("database")
class NameClusterCommandTest {
    private static final String MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString();

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private String out;
    private String err;

    private int run(String... args) {
        CommandRun run = CommandRun.of(CommandRun.home(home), Map.of(), args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

    private String db() {
        return home.resolve("lib").toString();
    }

    /** The first cluster (not the noise) of the tree's JSON, with its group. */
    private JsonNode[] firstCluster(Path json) throws IOException {
        for (JsonNode object : new ObjectMapper().readTree(json.toFile())) {
            for (JsonNode background : object.get("subgroups")) {
                for (JsonNode cluster : background.get("clusters")) {
                    if (cluster.get("cluster_id").asInt() >= 0) {
                        return new JsonNode[] {object, background, cluster};
                    }
                }
            }
        }
        throw new AssertionError("no cluster in " + json);
    }

    @Test
    void aNamedClusterShowsEverywhereAndKeepsItsNameThroughAnotherImportAndAReclustering() throws Exception {
        for (int family = 0; family < 3; family++) {
            for (int variant = 0; variant < 8; variant++) {
                TestImages.write(TestImages.picture(family, variant, 320 + variant * 10, 240), "png",
                        photos.resolve("f" + family + "-v" + variant + ".png"));
            }
        }
        assertThat(run("organize", photos.toString(), "--model-dir", MODEL, "--db", db())).as(err).isZero();
        Path json = home.resolve("tree.json");
        assertThat(run("tree", "--db", db(), "--json", json.toString())).as(err).isZero();
        JsonNode[] found = firstCluster(json);
        String object = found[0].get("object_category").asText();
        String background = found[1].get("background_category").asText();
        int id = found[2].get("cluster_id").asInt();
        String key = found[2].get("cluster_key").asText();
        assertThat(key).matches("[A-Za-z0-9_-]{12}");
        assertThat(found[2].get("name").isNull()).isTrue();
        assertThat(found[2].get("image_ids").toString()).contains(found[2].get("cover_image_id").asText());

        assertThat(run("name-cluster", object, background, Integer.toString(id), "  Ski trip ", "--db", db())).as(err).isZero();
        assertThat(out).contains("Cluster " + id + " of " + object + " / " + background + " is now named \"Ski trip\".");
        assertNamed(object, background, id, key, json);

        // a second import of the folder, then every group clustered again from scratch
        assertThat(run("organize", photos.toString(), "--model-dir", MODEL, "--db", db())).as(err).isZero();
        assertThat(err).contains("0 imported");
        assertNamed(object, background, id, key, json);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("lib"), "sa", "")) {
            assertThat(c.createStatement().executeUpdate("UPDATE group_clustering SET signature = 'outdated'")).isPositive();
        }
        assertNamed(object, background, id, key, json);

        assertThat(run("name-cluster", object, background, Integer.toString(id), "--clear", "--db", db())).as(err).isZero();
        assertThat(out).contains("Cluster " + id + " of " + object + " / " + background + " has no name now.");
        assertThat(run("tree", "--db", db())).isZero();
        assertThat(out).contains("    cluster " + id + " (").doesNotContain("Ski trip");
    }

    private void assertNamed(String object, String background, int id, String key, Path json) throws IOException {
        assertThat(run("tree", "--db", db(), "--json", json.toString())).as(err).isZero();
        assertThat(out).contains("    cluster " + id + " \"Ski trip\" (").doesNotContain("unclustered");
        JsonNode[] found = firstCluster(json);
        assertThat(found[0].get("object_category").asText()).isEqualTo(object);
        assertThat(found[1].get("background_category").asText()).isEqualTo(background);
        assertThat(found[2].get("cluster_id").asInt()).isEqualTo(id);
        assertThat(found[2].get("cluster_key").asText()).isEqualTo(key);
        assertThat(found[2].get("name").asText()).isEqualTo("Ski trip");
        assertThat(run("list", "--db", db())).as(err).isZero();
        assertThat(out).contains(" cluster " + id + " \"Ski trip\" ").doesNotContain("unclustered");
    }

    @Test
    void mistakesAreSaidInASentence() throws SQLException {
        for (int variant = 0; variant < 3; variant++) {
            TestImages.write(TestImages.picture(0, variant, 320, 240), "png", photos.resolve("v" + variant + ".png"));
        }
        assertThat(run("organize", photos.toString(), "--model-dir", MODEL, "--db", db())).as(err).isZero();

        assertThat(run("name-cluster", "nothing", "here", "0", "Trip", "--db", db())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("error: The group nothing / here has no cluster 0 (see the tree).");
        assertThat(run("name-cluster", "nothing", "here", "0", "--db", db())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("Give the cluster's NAME, or --clear.");
        assertThat(run("name-cluster", "nothing", "here", "0", "Trip", "--clear", "--db", db())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("not both");
        assertThat(run("name-cluster", "nothing", "here", "-1", "Trip", "--db", db())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("ungrouped photos are not a cluster");
        assertThat(run("name-cluster", "nothing", "here", "0", "two\nlines", "--db", db())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("control characters");
        assertThat(run("name-cluster", "nothing", "here", "0", "x".repeat(201), "--db", db())).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err).contains("at most 200 characters");
        assertThat(err).doesNotContain("Exception");
    }
}
