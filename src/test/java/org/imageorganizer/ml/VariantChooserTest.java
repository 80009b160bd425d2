package org.imageorganizer.ml;

import org.imageorganizer.model.ModelException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Choosing among the tiny model's variants; speeds are printed, never asserted. */
@Tag("model")
class VariantChooserTest {
    private static final Path MODELS = TinyModel.DIR.getParent();

    private static ModelFolder folder(String name) {
        return ModelFolder.open(MODELS.resolve(name));
    }

    private static List<ModelFolder> all() {
        return List.of(folder("tiny-clip"), folder("tiny-clip-int8"), folder("tiny-clip-bf16"),
                folder("tiny-clip-onnx-fp32"), folder("tiny-clip-onnx-int8"));
    }

    private static VariantChooser chooser(boolean nativeBf16) {
        return new VariantChooser(() -> nativeBf16, Duration.ofMillis(150), 4);
    }

    @Test
    void autoKeepsTheFastestCloseToFp32AndSkipsBf16WithoutNativeSupport() {
        VariantChooser.Choice choice = chooser(false).choose(all(), VariantChooser.Precision.AUTO, Optional.empty());
        System.out.println(choice.reason());
        assertThat(choice.measurements()).extracting(VariantChooser.Measurement::modelId)
                .containsExactly("tiny-clip-test-1", "tiny-clip-test-1@int8", "tiny-clip-test-1@onnx-fp32",
                        "tiny-clip-test-1@onnx-int8");
        VariantChooser.Measurement chosen = choice.measurements().stream()
                .filter(m -> m.modelId().equals(choice.folder().manifest().modelId())).findFirst().orElseThrow();
        assertThat(chosen.minCosine()).isGreaterThanOrEqualTo(VariantChooser.MIN_COSINE);
        assertThat(choice.measurements()).allSatisfy(m -> assertThat(m.imagesPerSecond()).isPositive());
        assertThat(choice.measurements().get(0).minCosine()).isEqualTo(1.0);
        assertThat(choice.reason()).contains("tiny-clip-test-1@bf16 skipped (the CPU reports no native bf16)")
                .contains("images/s");
    }

    @Test
    void aSpentTotalBudgetStillMeasuresEveryVariantOnOneBatchAndSaysHowLongItTook() {
        VariantChooser hurried = new VariantChooser(() -> false, Duration.ofSeconds(10), 4, Duration.ZERO);

        VariantChooser.Choice choice = hurried.choose(List.of(folder("tiny-clip"), folder("tiny-clip-onnx-int8")),
                VariantChooser.Precision.AUTO, Optional.empty());

        assertThat(choice.measurements()).extracting(VariantChooser.Measurement::modelId)
                .containsExactly("tiny-clip-test-1", "tiny-clip-test-1@onnx-int8");
        assertThat(choice.measurements()).allSatisfy(m -> assertThat(m.imagesPerSecond()).isPositive());
        assertThat(choice.reason()).containsPattern("calibrated in [0-9]+\\.[0-9] s");
    }

    @Test
    void aVariantWhoseManifestReportsALowCosineOnRealPhotosIsNeverChosenByAuto(@org.junit.jupiter.api.io.TempDir Path temp)
            throws java.io.IOException {
        Path copy = temp.resolve("int8");
        java.nio.file.Files.createDirectories(copy);
        try (var files = java.nio.file.Files.list(MODELS.resolve("tiny-clip-int8"))) {
            for (Path file : files.toList()) {
                java.nio.file.Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(copy.resolve("manifest.json").toFile());
        manifest.putObject("quality").put("reference_model_id", "tiny-clip-test-1").put("photos", 200)
                .put("cosine_min", 0.982).put("cosine_mean", 0.997);
        mapper.writeValue(copy.resolve("manifest.json").toFile(), manifest);

        ModelFolder measuredLow = ModelFolder.open(copy);
        assertThat(measuredLow.manifest().quality().cosineMin()).isEqualTo(0.982);
        VariantChooser.Choice choice = chooser(false).choose(List.of(folder("tiny-clip"), measuredLow),
                VariantChooser.Precision.AUTO, Optional.empty());

        assertThat(choice.folder().manifest().modelId()).isEqualTo("tiny-clip-test-1");
        assertThat(choice.reason()).contains("tiny-clip-test-1@int8 skipped (its manifest says its lowest cosine to fp32 "
                + "on 200 real photos is 0.9820)");
        // asked for by name, it is still used: the user chose it
        assertThat(chooser(false).choose(List.of(folder("tiny-clip"), measuredLow), VariantChooser.Precision.INT8,
                Optional.empty()).folder()).isEqualTo(measuredLow);
    }

    @Test
    void bf16IsMeasuredWhenTheCpuHasIt() {
        VariantChooser.Choice choice = chooser(true).choose(List.of(folder("tiny-clip"), folder("tiny-clip-bf16")),
                VariantChooser.Precision.AUTO, Optional.empty());
        System.out.println(choice.reason());
        assertThat(choice.measurements()).extracting(VariantChooser.Measurement::modelId)
                .containsExactly("tiny-clip-test-1", "tiny-clip-test-1@bf16");
    }

    @Test
    void anExistingLibraryKeepsItsVariantWithoutCalibrating() {
        VariantChooser.Choice choice = chooser(true).choose(all(), VariantChooser.Precision.AUTO,
                Optional.of("tiny-clip-test-1@onnx-int8"));
        assertThat(choice.folder().manifest().modelId()).isEqualTo("tiny-clip-test-1@onnx-int8");
        assertThat(choice.measurements()).isEmpty();
        assertThat(choice.reason()).contains("the library's embeddings are from tiny-clip-test-1@onnx-int8");
    }

    @Test
    void explicitPrecisionPicksItAndPrefersOnnxForInt8() {
        assertThat(chooser(false).choose(all(), VariantChooser.Precision.INT8, Optional.empty()).folder().manifest()
                .modelId()).isEqualTo("tiny-clip-test-1@onnx-int8");
        assertThat(chooser(false).choose(all(), VariantChooser.Precision.FP32, Optional.empty()).folder().manifest()
                .modelId()).isEqualTo("tiny-clip-test-1");
        assertThat(chooser(false).choose(all(), VariantChooser.Precision.BF16, Optional.empty()).folder().manifest()
                .modelId()).isEqualTo("tiny-clip-test-1@bf16");
    }

    @Test
    void explicitInt8WithOnlyFp32IsAClearError() {
        assertThatThrownBy(() -> chooser(false).choose(List.of(folder("tiny-clip")), VariantChooser.Precision.INT8,
                Optional.empty()))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("There is no int8 variant of the model: the model folders hold tiny-clip-test-1 (")
                .hasMessageContaining("--precision auto");
    }

    @Test
    void withoutFp32PyTorchTheFastestIsChosenAndTheReasonSaysSo() {
        VariantChooser.Choice choice = chooser(false).choose(
                List.of(folder("tiny-clip-int8"), folder("tiny-clip-onnx-int8")), VariantChooser.Precision.AUTO,
                Optional.empty());
        assertThat(choice.reason()).contains("there is no fp32 PyTorch variant to compare with");
    }

    @Test
    void parsesPrecisionsAndCpuFlags() {
        assertThat(VariantChooser.Precision.parse(null)).isEqualTo(VariantChooser.Precision.AUTO);
        assertThat(VariantChooser.Precision.parse(" Int8 ")).isEqualTo(VariantChooser.Precision.INT8);
        assertThatThrownBy(() -> VariantChooser.Precision.parse("fp16")).isInstanceOf(ModelException.class)
                .hasMessage("The precision must be auto, fp32, bf16 or int8, not \"fp16\".");
        assertThat(VariantChooser.cpuFlagsSayBf16("processor\t: 0\nflags\t\t: fpu sse avx512f avx512_bf16\n")).isTrue();
        assertThat(VariantChooser.cpuFlagsSayBf16("flags\t\t: fpu amx_bf16 amx_tile\n")).isTrue();
        assertThat(VariantChooser.cpuFlagsSayBf16("flags\t\t: fpu sse avx512f avx512bw\n")).isFalse();
        assertThat(VariantChooser.cpuFlagsSayBf16("")).isFalse();
    }
}
