package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.imageorganizer.config.ConfigurationSources;
import org.imageorganizer.config.Environment;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.VariantChooser;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.ModelMismatchException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --model-dir repeated, IMAGE_ORGANIZER_MODEL_DIR as a path list, and --precision against a library. */
@Tag("model")
@Tag("database")
class ModelVariantChoiceTest {
    private static final Path MODELS = Path.of("src/test/resources/models").toAbsolutePath();
    private static final List<Path> VARIANTS = List.of(MODELS.resolve("tiny-clip"), MODELS.resolve("tiny-clip-int8"),
            MODELS.resolve("tiny-clip-bf16"), MODELS.resolve("tiny-clip-onnx-fp32"), MODELS.resolve("tiny-clip-onnx-int8"));

    @TempDir
    Path home;
    private final StringWriter err = new StringWriter();

    private Core services(Map<String, String> variables) {
        Environment environment = new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"),
                home.resolve("logs"));
        Core services = new Core(environment, variables, new PrintWriter(err, true));
        services.models().useChooser(new VariantChooser(() -> false, Duration.ofMillis(150), 4));
        return services;
    }

    @Test
    void autoCalibratesForANewLibraryRecordsTheChoiceAndAnExistingLibraryKeepsIt() {
        Core services = services(Map.of());
        try (LibraryDatabase library = LibraryDatabase.open(home.resolve("library"))) {
            ModelFolder chosen = services.chooseModel(library, VARIANTS, null);
            library.info().claimModel(chosen.manifest().modelId());
            assertThat(err.toString()).contains("Model: auto: " + chosen.manifest().modelId() + " is the fastest")
                    .contains("bf16 skipped");
            System.out.print(err);

            String recorded = library.info().modelId().orElseThrow();
            ModelFolder again = services.chooseModel(library, List.of(VARIANTS.get(4), VARIANTS.get(0), VARIANTS.get(3),
                    VARIANTS.get(1)), "auto");
            assertThat(again.manifest().modelId()).isEqualTo(recorded);

            String other = recorded.equals("tiny-clip-test-1") ? "int8" : "fp32";
            ModelFolder explicit = services.chooseModel(library, VARIANTS, other);
            assertThatThrownBy(() -> library.info().claimModel(explicit.manifest().modelId()))
                    .isInstanceOf(ModelMismatchException.class);
        }
    }

    @Test
    void theEnvironmentTakesAPathListAndTheSettingsPrecisionApplies() {
        String list = VARIANTS.get(0) + java.io.File.pathSeparator + VARIANTS.get(4);
        Core services = services(Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, list));
        services.saveSettings(services.settings().withPrecision("int8"));
        assertThat(services.models().forCommand(List.of(), null)).extracting(f -> f.manifest().modelId())
                .containsExactly("tiny-clip-test-1", "tiny-clip-test-1@onnx-int8");
        try (LibraryDatabase library = LibraryDatabase.open(home.resolve("library"))) {
            assertThat(services.chooseModel(library, List.of(), null).manifest().modelId())
                    .isEqualTo("tiny-clip-test-1@onnx-int8");
        }
    }

    @Test
    void explicitInt8WithOnlyFp32IsRefusedWithASentence() {
        Core services = services(Map.of());
        try (LibraryDatabase library = LibraryDatabase.open(home.resolve("library"))) {
            assertThatThrownBy(() -> services.chooseModel(library, List.of(VARIANTS.get(0)), "int8"))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("There is no int8 variant of the model");
        }
    }
}
