package org.imageorganizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.imageorganizer.model.ClusterAlgorithm;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.testing.Unprivileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("config").resolve("settings.json");
    }

    private SettingsStore storeWith(String json) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), json);
        return new SettingsStore(file());
    }

    private List<Path> leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().equals("settings.json")).toList();
        }
    }

    /** A complete labels object with one field replaced, so that only that field is wrong. */
    private static String labelsWith(String field, String value) {
        LabelSettings d = LabelSettings.defaults();
        String json = "{\"objects\": [\"cat\", \"dog\"], \"backgrounds\": [\"indoor\", \"outdoor\"],"
                + " \"object_templates\": [\"a photo of a {}.\"], \"background_templates\": [\"a photo taken {}.\"],"
                + " \"confidence_threshold\": " + d.confidenceThreshold() + "}";
        return json.replaceFirst("\"" + field + "\": (\\[[^\\]]*\\]|[0-9.]+)", "\"" + field + "\": " + value);
    }

    @Test
    void aLookAheadGetsTheSettingsOrTheDefaultsWithoutAWord() throws IOException {
        assertThat(new SettingsStore(file()).loadOrDefaults()).isEqualTo(Settings.defaults());
        assertThat(storeWith("{\"database\": \"/data/library.mv.db\", \"tta_views\": 2}").loadOrDefaults())
                .isEqualTo(Settings.defaults().withTtaViews(2).withDatabase("/data/library.mv.db"));
        SettingsStore broken = storeWith("{\"tta_views\": 99}");
        assertThatThrownBy(broken::load).isInstanceOf(SettingsException.class);
        assertThat(broken.loadOrDefaults()).isEqualTo(Settings.defaults());
        assertThat(storeWith("not json").loadOrDefaults()).isEqualTo(Settings.defaults());
        assertThat(leftovers(file().getParent())).isEmpty();
    }

    @Test
    void aMissingFileGivesTheDefaultsAndCreatesNothing() {
        SettingsStore store = new SettingsStore(file());

        Settings settings = store.load();

        assertThat(settings).isEqualTo(Settings.defaults());
        assertThat(settings.ttaViews()).isEqualTo(Settings.DEFAULT_VIEWS);
        assertThat(settings.labels()).isEqualTo(LabelSettings.defaults());
        assertThat(settings.clustering().toClusterSettings()).isEqualTo(ClusterSettings.defaults());
        assertThat(settings.maxMegapixels()).isEqualTo(100);
        assertThat(settings.modelDir()).isNull();
        assertThat(settings.database()).isNull();
        assertThat(file()).doesNotExist();
    }

    @Test
    void saveThenLoadRoundTripsEveryField() {
        SettingsStore store = new SettingsStore(file());
        LabelSettings labels = new LabelSettings(List.of("cat", "dog", "fish"), List.of("indoor", "outdoor"),
                List.of("a photo of a {}."), List.of("a {} scene."), 0.35);
        Settings custom = new Settings(labels, 7, true,
                new Settings.Clustering("kmeans", 4, 3, 6, 9), 250, "/models/clip", "/data/lib", 9090);

        store.save(custom);
        Settings loaded = new SettingsStore(file()).load();

        assertThat(loaded).isEqualTo(custom);
        assertThat(loaded.clustering().toClusterSettings().algorithm()).isEqualTo(ClusterAlgorithm.KMEANS);
        assertThat(loaded.clustering().toClusterSettings().k()).isEqualTo(6);
    }

    @Test
    void aSettingsFileWithACloudinarySecretIsReadableByItsOwnerOnlyAndNeverPrintsIt() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        SettingsStore store = new SettingsStore(file());
        Settings withSecret = Settings.defaults().withCloudinary(Settings.Cloudinary.defaults()
                .withUrl("cloudinary://1234:TopSecretValue@cloud").withOnDelete("keep"));

        store.save(withSecret);

        assertThat(Files.getPosixFilePermissions(file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(store.load()).isEqualTo(withSecret);
        assertThat(withSecret.toString()).doesNotContain("TopSecretValue").contains("cloudinary://1234:****@cloud");

        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(new SettingsStore(file()).load().cloudinary().url()).isEqualTo("cloudinary://1234:TopSecretValue@cloud");
        assertThat(Files.getPosixFilePermissions(file())).as("tightened on load")
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void cloudinaryDefaultsAndBadValues() throws IOException {
        Settings.Cloudinary cloudinary = Settings.defaults().cloudinary();
        assertThat(cloudinary.url()).isNull();
        assertThat(cloudinary.delivery()).isEqualTo("authenticated");
        assertThat(cloudinary.onDelete()).isEqualTo("delete");
        assertThat(cloudinary.concurrency()).isEqualTo(4);
        assertThat(Settings.defaults().holdsSecret()).isFalse();
        assertThatThrownBy(storeWith("{\"cloudinary\": {\"on_delete\": \"shred\"}}")::load)
                .isInstanceOf(SettingsException.class).hasMessageContaining("cloudinary.on_delete");
        assertThatThrownBy(storeWith("{\"cloudinary\": {\"delivery\": \"open\"}}")::load)
                .isInstanceOf(SettingsException.class).hasMessageContaining("cloudinary.delivery");
    }

    @Test
    void theDefaultsRoundTripToo() {
        SettingsStore store = new SettingsStore(file());
        store.save(Settings.defaults());
        assertThat(store.load()).isEqualTo(Settings.defaults());
    }

    @Test
    void theSavedFileIsReadableJsonWithTheDocumentedNames() throws IOException {
        new SettingsStore(file()).save(Settings.defaults().withTtaViews(5));

        JsonNode json = new ObjectMapper().readTree(Files.readString(file(), StandardCharsets.UTF_8));
        assertThat(json.get("tta_views").asInt()).isEqualTo(5);
        assertThat(json.get("max_megapixels").asInt()).isEqualTo(100);
        assertThat(json.get("clustering").get("algorithm").asText()).isEqualTo("hdbscan");
        assertThat(json.get("clustering").get("min_cluster_size").asInt()).isEqualTo(5);
        assertThat(json.get("labels").get("objects")).isNotEmpty();
        assertThat(json.get("labels").get("confidence_threshold").asDouble()).isEqualTo(0.2);
        assertThat(json.has("model_dir")).isTrue();
        assertThat(json.has("database")).isTrue();
    }

    @Test
    void theThemeIsSystemLightOrDarkAndSystemByDefault() throws IOException {
        assertThat(Settings.defaults().theme()).isEqualTo("system");
        assertThat(storeWith("{\"theme\": \"Dark\"}").load()).isEqualTo(Settings.defaults().withTheme("dark"));
        new SettingsStore(file()).save(Settings.defaults().withTheme("light"));
        assertThat(new ObjectMapper().readTree(Files.readString(file(), StandardCharsets.UTF_8)).get("theme").asText())
                .isEqualTo("light");
        assertThat(new SettingsStore(file()).load().theme()).isEqualTo("light");
        assertThatThrownBy(storeWith("{\"theme\": \"purple\"}")::load)
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("theme")
                .hasMessageContaining("purple");
    }

    @Test
    void aPartialFileFillsInTheDefaults() throws IOException {
        Settings settings = storeWith("{\"tta_views\": 5}").load();

        assertThat(settings).isEqualTo(Settings.defaults().withTtaViews(5));
    }

    @Test
    void aPartialClusteringObjectFillsInTheDefaults() throws IOException {
        Settings settings = storeWith("{\"clustering\": {\"algorithm\": \"k-means\", \"k\": 3}}").load();

        ClusterSettings cluster = settings.clustering().toClusterSettings();
        assertThat(cluster.algorithm()).isEqualTo(ClusterAlgorithm.KMEANS);
        assertThat(cluster.k()).isEqualTo(3);
        assertThat(cluster.minClusterSize()).isEqualTo(ClusterSettings.DEFAULT_MIN_CLUSTER_SIZE);
        assertThat(cluster.minSamples()).isEqualTo(ClusterSettings.DEFAULT_MIN_SAMPLES);
        assertThat(cluster.minGroupSize()).isEqualTo(2 * ClusterSettings.DEFAULT_MIN_CLUSTER_SIZE);
        assertThat(settings.ttaViews()).isEqualTo(Settings.DEFAULT_VIEWS);
    }

    @Test
    void tooManyViewsIsRefusedNamingTheFieldAndTheFile() throws IOException {
        SettingsStore store = storeWith("{\"tta_views\": 99}");

        assertThatThrownBy(store::load)
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("tta_views")
                .hasMessageContaining("99");
    }

    @Test
    void anUnknownClusteringAlgorithmIsRefusedNamingItAndTheFile() throws IOException {
        SettingsStore store = storeWith("{\"clustering\": {\"algorithm\": \"dbscan\"}}");

        assertThatThrownBy(store::load)
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("clustering algorithm")
                .hasMessageContaining("dbscan")
                .hasMessageContaining("hdbscan, kmeans");
    }

    @Test
    void anEmptyObjectListIsRefusedNamingTheFieldAndTheFile() throws IOException {
        SettingsStore store = storeWith("{\"labels\": " + labelsWith("objects", "[]") + "}");

        assertThatThrownBy(store::load)
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("objects must list at least one label");
    }

    @Test
    void aConfidenceThresholdAboveOneIsRefusedNamingTheFieldAndTheFile() throws IOException {
        SettingsStore store = storeWith("{\"labels\": " + labelsWith("confidence_threshold", "2") + "}");

        assertThatThrownBy(store::load)
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("confidence_threshold")
                .hasMessageContaining("2.0");
    }

    @Test
    void theHelperBuildsAValidLabelsObject() throws IOException {
        // guards the two tests above: without the replaced field the labels object is accepted
        Settings settings = storeWith("{\"labels\": " + labelsWith("objects", "[\"cat\", \"dog\"]") + "}").load();
        assertThat(settings.labels().objects()).containsExactly("cat", "dog");
        assertThat(settings.labels().confidenceThreshold()).isEqualTo(0.2);
    }

    @Test
    void brokenJsonIsASettingsExceptionNamingTheFile() throws IOException {
        SettingsStore store = storeWith("{\"tta_views\": 5,");

        assertThatThrownBy(store::load)
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("not valid settings JSON");
    }

    @Test
    void anUnknownFieldIsRefusedSoThatTyposAreNoticed() throws IOException {
        SettingsStore store = storeWith("{\"tta_view\": 5}");

        assertThatThrownBy(store::load)
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("tta_view");
    }

    @Test
    void anEmptyOrNullFileIsASettingsException() throws IOException {
        assertThatThrownBy(storeWith("")::load).isInstanceOf(SettingsException.class)
                .hasMessageContaining(file().toString());
        assertThatThrownBy(storeWith("null")::load).isInstanceOf(SettingsException.class)
                .hasMessageContaining(file().toString());
    }

    @Test
    void aFileLargerThanOneMegabyteIsRefusedUnread() throws IOException {
        // valid JSON, so only the size can be the reason
        String padding = " ".repeat(1024 * 1024);
        SettingsStore store = storeWith("{\"tta_views\": 5}" + padding);

        assertThatThrownBy(store::load)
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("larger than 1 MB");
    }

    @Test
    void savingCreatesTheFolderAndLeavesNoTemporaryFileBehind() throws IOException {
        SettingsStore store = new SettingsStore(file());

        store.save(Settings.defaults());
        store.save(Settings.defaults().withTtaViews(2));

        assertThat(file()).isRegularFile();
        assertThat(leftovers(file().getParent())).isEmpty();
    }

    @Test
    void savingReplacesAnExistingFileWhole() throws IOException {
        // a long old file: a non-truncating overwrite would leave its tail behind
        SettingsStore store = storeWith("{\"tta_views\": 9, \"model_dir\": \"" + "x".repeat(5000) + "\"}");
        assertThat(store.load().ttaViews()).isEqualTo(9);

        store.save(Settings.defaults().withTtaViews(2));

        assertThat(Files.readString(file())).doesNotContain("xxxx");
        assertThat(store.load()).isEqualTo(Settings.defaults().withTtaViews(2));
        assertThat(leftovers(file().getParent())).isEmpty();
    }

    @Test
    void aFailedSaveLeavesNoTemporaryFileAndSaysWhere() throws IOException {
        // the move cannot replace a non-empty folder, so saving fails after the temporary file was written
        Files.createDirectories(file().resolve("occupied"));
        SettingsStore store = new SettingsStore(file());

        assertThatThrownBy(() -> store.save(Settings.defaults()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("Cannot save settings to " + file());

        assertThat(leftovers(file().getParent())).isEmpty();
        assertThat(file().resolve("occupied")).isDirectory();
    }

    @Test
    void aReadOnlyFolderKeepsTheOldFileIntact() throws Exception {
        // as root permissions stop nothing: the save runs in a process of its own as nobody (see Unprivileged)
        try (Unprivileged as = Unprivileged.start()) {
            Path folder = as.folder("config", "rwxr-xr-x");
            Path file = folder.resolve("settings.json");
            Files.writeString(file, "{\"tta_views\": 4}");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            if (!as.asNobody()) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            }
            try {
                Unprivileged.Result save = as.java(java.util.Map.of(), SaveSettings.class.getName(), file.toString());

                assertThat(save.exitCode()).as(save.out() + save.err()).isEqualTo(3);
                assertThat(save.out()).contains("Cannot save settings to " + file + " (permission denied)");
                assertThat(new SettingsStore(file).load().ttaViews()).isEqualTo(4);
                assertThat(leftovers(folder)).isEmpty();
            } finally {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void aPartialLabelsObjectKeepsTheDefaultsForWhatItLeavesOut() throws IOException {
        Settings settings = storeWith("{\"labels\": {\"objects\": [\"cat\", \"dog\"]}}").load();
        assertThat(settings.labels().objects()).containsExactly("cat", "dog");
        assertThat(settings.labels().backgrounds()).isEqualTo(LabelSettings.defaults().backgrounds());
        assertThat(settings.labels().confidenceThreshold()).isEqualTo(0.2);
    }

    @Test
    void zeroViewsIsRefusedRatherThanSilentlyReplaced() throws IOException {
        SettingsStore store = storeWith("{\"tta_views\": 0}");
        assertThatThrownBy(store::load).isInstanceOf(SettingsException.class).hasMessageContaining("tta_views");
    }

    @Test
    void badClusteringValuesAreNamedAsInTheFile() throws IOException {
        SettingsStore store = storeWith("{\"clustering\": {\"min_cluster_size\": 1}}");
        assertThatThrownBy(store::load).isInstanceOf(SettingsException.class)
                .hasMessageContaining("clustering.min_cluster_size");
    }
}
