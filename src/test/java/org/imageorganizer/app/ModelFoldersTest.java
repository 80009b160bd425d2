package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.Settings;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.VariantChooser;
import org.imageorganizer.ml.download.ModelSources;
import org.imageorganizer.store.LibraryDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model cache as the place of the published variants, offline, and the variant choice over it. */
@Tag("model")
class ModelFoldersTest {
    private static final Path MODELS = Path.of("src/test/resources/models").toAbsolutePath();

    @TempDir
    Path home;
    private final StringWriter err = new StringWriter();

    private Environment environment() {
        return new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"), home.resolve("logs"));
    }

    private ModelFolders folders(Map<String, String> variables, Settings settings) {
        Environment environment = environment();
        PrintWriter writer = new PrintWriter(err, true);
        ModelFolders folders = new ModelFolders(environment, variables, () -> settings,
                new ModelLocator(environment, writer, true), writer);
        folders.useChooser(new VariantChooser(() -> false, Duration.ofMillis(100), 4));
        return folders;
    }

    private void cache(String variant, String folderName) throws IOException {
        Path target = environment().modelsDir().resolve(folderName);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(MODELS.resolve(variant))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void theSizeOfTheDownloadIsThatOfThePinnedVariants() {
        long int8 = 89_117_001L + 64_504_507L + 2_224_041L; // the int8 graphs and the tokenizer, as published

        assertThat(folders(Map.of(), Settings.defaults()).downloadBytes(null)).as("auto: the fp32 archive is not pinned")
                .isEqualTo(int8);
        assertThat(folders(Map.of(), Settings.defaults()).downloadBytes("int8")).isEqualTo(int8);
        assertThat(folders(Map.of(), Settings.defaults()).downloadBytes("fp32")).as("nothing pinned to count").isEqualTo(-1);
    }

    @Test
    void offlineWithAnEmptyCacheSaysWhatIsMissingAndWhy() {
        ModelFolders folders = folders(Map.of(), Settings.defaults());

        assertThat(folders.anyWithoutDownload()).isFalse();
        assertThat(folders.withoutDownload()).isEmpty();
        assertThat(folders.mayDownload(List.of(), null)).isTrue();
        assertThat(folders.mayDownload(List.of(MODELS.resolve("tiny-clip")), null)).as("a named folder").isFalse();
        assertThatThrownBy(() -> folders.forCommand(List.of(), null))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("Unset IMAGE_ORGANIZER_OFFLINE and run this again with network: it downloads "
                        + "the CLIP model (int8 variant")
                .hasMessageContaining("IMAGE_ORGANIZER_OFFLINE forbids downloading it, and the model cache has no copy");
    }

    @Test
    void theCachedVariantsAreTheCandidatesAndAutoChoosesAmongThem() throws IOException {
        cache("tiny-clip-onnx-int8", ModelSources.CLIP_VIT_BASE_PATCH32_ONNX_INT8);
        cache("tiny-clip", "my-fp32-export");
        cache("tiny-clip-int8", "my-int8-export");
        ModelFolders folders = folders(Map.of(), Settings.defaults());
        assertThat(folders.mayDownload(List.of(), "int8")).as("the published int8 variant is cached").isFalse();

        List<ModelFolder> candidates = folders.forCommand(List.of(), null);

        assertThat(candidates).extracting(f -> f.directory().getFileName().toString())
                .containsExactly("clip-vit-base-patch32-onnx-int8", "my-fp32-export", "my-int8-export");
        assertThat(folders.withoutDownload()).hasSize(3);
        try (LibraryDatabase library = LibraryDatabase.open(home.resolve("library"))) {
            ModelFolder chosen = folders.choose(library, candidates, null);
            assertThat(err.toString()).contains("Model: auto: " + chosen.manifest().modelId() + " is the fastest with cosine");
            assertThat(candidates).contains(chosen);
        }
    }

    @Test
    void anExplicitPrecisionTakesOnlyThatVariantFromTheCache() throws IOException {
        cache("tiny-clip-onnx-int8", ModelSources.CLIP_VIT_BASE_PATCH32_ONNX_INT8);
        cache("tiny-clip", ModelSources.CLIP_VIT_BASE_PATCH32);
        ModelFolders folders = folders(Map.of(), Settings.defaults().withPrecision("fp32"));

        List<ModelFolder> candidates = folders.forCommand(List.of(), null);
        try (LibraryDatabase library = LibraryDatabase.open(home.resolve("library"))) {
            assertThat(folders.choose(library, candidates, null).manifest().modelId()).isEqualTo("tiny-clip-test-1");
            assertThat(folders.choose(library, candidates, "int8").manifest().modelId())
                    .isEqualTo("tiny-clip-test-1@onnx-int8");
        }
    }

    @Test
    void aNamedFolderWinsOverTheCache() throws IOException {
        cache("tiny-clip-onnx-int8", ModelSources.CLIP_VIT_BASE_PATCH32_ONNX_INT8);
        ModelFolders folders = folders(Map.of(ModelFolders.MODEL_DIR_VARIABLE, MODELS.resolve("tiny-clip").toString()),
                Settings.defaults());

        assertThat(folders.forCommand(List.of(), null)).extracting(f -> f.manifest().modelId())
                .containsExactly("tiny-clip-test-1");
        assertThat(folders.forCommand(List.of(MODELS.resolve("tiny-clip-int8")), null))
                .extracting(f -> f.manifest().modelId()).containsExactly("tiny-clip-test-1@int8");
    }

    private Path copyOf(String variant) throws IOException {
        Path target = home.resolve("named").resolve(variant);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(MODELS.resolve(variant))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    @Test
    void withSeveralNamedFoldersAnExistingLibraryOpensOnlyItsVariant() throws IOException {
        Path fp32 = copyOf("tiny-clip");
        Path int8 = copyOf("tiny-clip-onnx-int8");
        // the other variant's model file is damaged: opening it would fail, so it must not be opened
        Files.write(int8.resolve(ModelFolder.manifest(int8).modelFile()), new byte[] {1, 2, 3});
        ModelFolders folders = folders(Map.of(), Settings.defaults());
        try (LibraryDatabase library = LibraryDatabase.open(home.resolve("library"))) {
            library.info().claimModel("tiny-clip-test-1");

            ModelFolder chosen = folders.chooseFor(library, List.of(int8, fp32), null);

            assertThat(chosen.directory()).isEqualTo(fp32);
            assertThat(err.toString()).contains("Model: auto: the library's embeddings are from tiny-clip-test-1, "
                    + "so that variant is used (no calibration).");
            // a new library calibrates among all of them, and so meets the damaged file
            try (LibraryDatabase fresh = LibraryDatabase.open(home.resolve("fresh"))) {
                assertThatThrownBy(() -> folders.chooseFor(fresh, List.of(int8, fp32), null))
                        .isInstanceOf(ModelException.class).hasMessageContaining("has SHA-256");
            }
        }
    }

    @Test
    void theWindowsChoiceOpensOnlyTheLibrarysVariantAmongTheCachedOnesAndNeverDownloads() throws IOException {
        cache("tiny-clip", "my-fp32-export");
        cache("tiny-clip-onnx-int8", ModelSources.CLIP_VIT_BASE_PATCH32_ONNX_INT8);
        Path int8 = environment().modelsDir().resolve(ModelSources.CLIP_VIT_BASE_PATCH32_ONNX_INT8);
        Files.write(int8.resolve(ModelFolder.manifest(int8).modelFile()), new byte[] {1, 2, 3}); // opening it would fail
        ModelFolders folders = folders(Map.of(), Settings.defaults());
        try (LibraryDatabase library = LibraryDatabase.open(home.resolve("library"))) {
            library.info().claimModel("tiny-clip-test-1");

            ModelFolder chosen = folders.chooseInstalled(library);

            assertThat(chosen.directory().getFileName().toString()).isEqualTo("my-fp32-export");
            assertThat(err.toString()).contains("the library's embeddings are from tiny-clip-test-1");
        }
    }

    @Test
    void theWindowsChoiceWithoutAnyModelSaysSoWithoutDownloading() {
        ModelFolders folders = folders(Map.of(), Settings.defaults());
        try (LibraryDatabase library = LibraryDatabase.open(home.resolve("library"))) {
            assertThatThrownBy(() -> folders.chooseInstalled(library)).isInstanceOf(ModelException.class)
                    .hasMessage("there is no CLIP model on this computer yet.");
        }
    }

    @Test
    void whenNoNamedFolderHoldsTheLibrarysVariantTheClaimStillRefuses() throws IOException {
        Path fp32 = copyOf("tiny-clip");
        Path int8 = copyOf("tiny-clip-onnx-int8");
        ModelFolders folders = folders(Map.of(), Settings.defaults());
        try (LibraryDatabase library = LibraryDatabase.open(home.resolve("library"))) {
            library.info().claimModel("tiny-clip-test-1@bf16");

            ModelFolder chosen = folders.chooseFor(library, List.of(int8, fp32), null);

            assertThat(err.toString()).contains("Model: auto: no model folder holds the library's variant tiny-clip-test-1@bf16.");
            assertThatThrownBy(() -> library.info().claimModel(chosen.manifest().modelId()))
                    .isInstanceOf(RuntimeException.class).hasMessageContaining("tiny-clip-test-1@bf16");
        }
    }

    @Test
    void theFilesOfANamedFolderAreRecordedInTheCacheNotInTheFolder() throws IOException {
        Path fp32 = copyOf("tiny-clip");
        ModelFolders folders = folders(Map.of(), Settings.defaults());

        folders.forCommand(List.of(fp32), null);

        try (Stream<Path> records = Files.list(environment().verifiedFilesDir())) {
            assertThat(records.toList()).hasSize(2); // the model file and the tokenizer
        }
        assertThat(names(fp32)).as("nothing is written into the model folder")
                .isEqualTo(names(MODELS.resolve("tiny-clip")));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
