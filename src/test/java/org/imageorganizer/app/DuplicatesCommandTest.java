package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.imageorganizer.config.Environment;
import org.imageorganizer.imaging.OpenCvNatives;
import org.imageorganizer.testing.NearDuplicateSet;
import org.imageorganizer.testing.NearDuplicateSet.Variant;
import org.imageorganizer.testing.Scenes;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code duplicates} after {@code organize} of a photo, its variants and other photos, with the tiny model. */
@Tag("model")
@Tag("database")
class DuplicatesCommandTest {
    private static final String MODEL = Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private Environment environment;
    private String db;
    private Path original;

    private CommandRun run(String... args) {
        return CommandRun.of(environment, Map.of(), args);
    }

    private static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    @BeforeEach
    void organize() throws Exception {
        environment = CommandRun.home(home);
        db = home.resolve("library.mv.db").toString();
        BufferedImage picture = Scenes.scene(7, 640, 480);
        original = TestImages.write(picture, "jpg", photos.resolve("original.jpg"));
        TestImages.write(resized(picture, 320, 240), "jpg", photos.resolve("small.jpg"));
        TestImages.write(picture, "png", photos.resolve("converted.png"));
        Files.createDirectories(photos.resolve("backup"));
        Files.copy(original, photos.resolve("backup/original.jpg"));
        // the original is the oldest file of the 640x480 ones, so it is the one to keep
        java.time.Instant now = java.time.Instant.now();
        for (String name : List.of("original.jpg", "backup/original.jpg")) {
            Files.setLastModifiedTime(photos.resolve(name), java.nio.file.attribute.FileTime.from(now.minusSeconds(7200)));
        }
        for (String name : List.of("small.jpg", "converted.png")) {
            Files.setLastModifiedTime(photos.resolve(name), java.nio.file.attribute.FileTime.from(now.minusSeconds(3600)));
        }
        for (int seed = 20; seed < 24; seed++) {
            TestImages.write(Scenes.scene(seed, 640, 480), "jpg", photos.resolve("other-" + seed + ".jpg"));
        }
        CommandRun organized = run("organize", photos.toString(), "--db", db, "--model-dir", MODEL, "--views", "1");
        assertThat(organized.exitCode()).as(organized.err()).isZero();
    }

    @Test
    void thePictureAndItsFormsAreOneStackKeepingTheLargestWithEveryPlaceAndWhy() throws Exception {
        CommandRun listed = run("duplicates", "--db", db, "--json");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonNode stacks = JSON.readTree(listed.out());
        assertThat(stacks).hasSize(1);
        JsonNode stack = stacks.get(0);
        JsonNode keeper = stack.get("keeper");
        assertThat(keeper.get("width").asInt()).isEqualTo(640);
        assertThat(keeper.get("format").asText()).isEqualTo("jpeg");
        assertThat(keeper.get("places")).extracting(JsonNode::asText)
                .contains(photos.resolve("backup/original.jpg").toString());
        List<String> others = new ArrayList<>();
        stack.get("others").forEach(o -> others.add(Path.of(o.get("path").asText()).getFileName() + ": " + o.get("why").asText()));
        assertThat(others).containsExactlyInAnyOrder("small.jpg: Same picture, resized",
                "converted.png: Same picture, converted to PNG");

        CommandRun text = run("duplicates", "--db", db);
        assertThat(text.out()).contains("Stack 1: 3 photos").contains("(keep)").contains("also at ")
                .contains(photos.resolve("backup/original.jpg").toString()).contains(original.toString())
                .endsWith("1 stack.\n");
    }

    @Test
    void exactOnlyListsThePhotosInSeveralPlaces() throws Exception {
        JsonNode stacks = JSON.readTree(run("duplicates", "--exact-only", "--db", db, "--json").out());
        assertThat(stacks).hasSize(1);
        assertThat(stacks.get(0).get("others")).isEmpty();
        assertThat(stacks.get(0).get("keeper").get("places")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(original.toString(), photos.resolve("backup/original.jpg").toString());
    }

    /**
     * The library records its model's veto when the model claims it, so {@code duplicates} without the model's folder
     * (given to {@code organize} only) stacks as the model says: the tiny model's -1, not CLIP's default 0.85, which
     * with the tiny model's random weights keeps the cropped variants apart.
     */
    @Test
    void withoutTheModelFolderTheLibrarysRecordedVetoStacksAsTheImportsModel() throws Exception {
        OpenCvNatives.ensureLoaded();
        Path variants = home.resolve("variants");
        // with the tiny model and the 0.85 default, the two crops of this scene are a stack of their own
        Mat scene = NearDuplicateSet.toMat(Scenes.scene(1, 640, 480));
        List<String> names = new ArrayList<>();
        try {
            for (Variant variant : List.of(Variant.ORIGINAL, Variant.PNG, Variant.BRIGHTER, Variant.RECOMPRESSED,
                    Variant.RESIZED_HALF, Variant.CROPPED_EDGES, Variant.CROPPED_CORNER)) {
                String name = variant.name().toLowerCase(java.util.Locale.ROOT) + (variant == Variant.PNG ? ".png" : ".jpg");
                Files.createDirectories(variants);
                Files.write(variants.resolve(name), variant.file(scene));
                names.add(name);
            }
        } finally {
            scene.release();
        }
        String other = home.resolve("variants.mv.db").toString();
        assertThat(run("organize", variants.toString(), "--db", other, "--model-dir", MODEL, "--views", "1").exitCode()).isZero();

        CommandRun without = run("duplicates", "--db", other, "--json");
        assertThat(without.exitCode()).as(without.err()).isZero();
        JsonNode stacks = JSON.readTree(without.out());
        assertThat(stacks).as("the veto the library recorded").hasSize(1);
        assertThat(stacked(stacks.get(0))).containsExactlyInAnyOrderElementsOf(names);
    }

    private static List<String> stacked(JsonNode stack) {
        List<String> names = new ArrayList<>();
        names.add(Path.of(stack.get("keeper").get("path").asText()).getFileName().toString());
        stack.get("others").forEach(o -> names.add(Path.of(o.get("path").asText()).getFileName().toString()));
        return names;
    }

    @Test
    void aLibraryWithoutDuplicatesSaysSo() {
        Path alone = home.resolve("alone");
        TestImages.write(Scenes.scene(3, 400, 300), "jpg", alone.resolve("one.jpg"));
        String other = home.resolve("other.mv.db").toString();
        assertThat(run("organize", alone.toString(), "--db", other, "--model-dir", MODEL, "--views", "1").exitCode()).isZero();
        assertThat(run("duplicates", "--db", other).out()).isEqualTo("No duplicates or near-duplicates.\n");
        assertThat(run("duplicates", "--exact-only", "--db", other).out()).isEqualTo("No photo is in several places.\n");
    }
}
