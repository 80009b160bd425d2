package org.imageorganizer.ml;

import org.imageorganizer.model.ModelException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {
    @TempDir
    Path dir;

    private Path copyTiny() throws IOException {
        for (String name : new String[] {"manifest.json", "tiny-clip.pt", "tokenizer.json"}) {
            Files.copy(TinyModel.DIR.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    @Test
    void acceptsTheTinyModel() {
        ModelFolder folder = ModelFolder.open(TinyModel.DIR);
        assertThat(folder.manifest().modelId()).isEqualTo("tiny-clip-test-1");
        assertThat(folder.manifest().embeddingSize()).isEqualTo(32);
        assertThat(folder.modelFile()).exists();
    }

    private Path copyOnnx() throws IOException {
        Path onnx = Files.createDirectories(dir.resolve("onnx"));
        Path source = TinyModel.DIR.resolveSibling("tiny-clip-onnx-fp32");
        for (String name : new String[] {"manifest.json", "tiny-clip-image.onnx", "tiny-clip-text.onnx", "tokenizer.json"}) {
            Files.copy(source.resolve(name), onnx.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return onnx;
    }

    @Test
    void anOnnxRuntimeVariantNamesItsTextEncoder() throws IOException {
        Path onnx = copyOnnx();
        ModelFolder folder = ModelFolder.open(onnx);
        assertThat(folder.manifest().djlEngine()).isEqualTo("OnnxRuntime");
        assertThat(folder.textModelFile()).isEqualTo(onnx.resolve("tiny-clip-text.onnx"));
        Path manifest = onnx.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"text_model_file\"", "\"other\""));
        assertThatThrownBy(() -> ModelFolder.open(onnx))
                .isInstanceOf(ModelException.class).hasMessageContaining("text_model_file");
    }

    @Test
    void missingFolder() {
        assertThatThrownBy(() -> ModelFolder.open(dir.resolve("nope")))
                .isInstanceOf(ModelException.class).hasMessageContaining("does not exist");
    }

    @Test
    void missingManifest() {
        assertThatThrownBy(() -> ModelFolder.open(dir))
                .isInstanceOf(ModelException.class).hasMessageContaining("manifest.json");
    }

    @Test
    void missingModelFile() throws IOException {
        Files.delete(copyTiny().resolve("tiny-clip.pt"));
        assertThatThrownBy(() -> ModelFolder.open(dir))
                .isInstanceOf(ModelException.class).hasMessageContaining("missing tiny-clip.pt");
    }

    @Test
    void damagedFileFailsTheChecksum() throws IOException {
        Path tokenizer = copyTiny().resolve("tokenizer.json");
        Files.writeString(tokenizer, Files.readString(tokenizer).replace("startoftext", "startofTEXT"));
        assertThatThrownBy(() -> ModelFolder.open(dir))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("tokenizer.json")
                .hasMessageContaining("SHA-256");
    }

    @Test
    void refusesFilesOutsideTheFolder() throws IOException {
        Path manifest = copyTiny().resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"tokenizer.json\"", "\"../tokenizer.json\""));
        assertThatThrownBy(() -> ModelFolder.open(dir))
                .isInstanceOf(ModelException.class).hasMessageContaining("outside the model folder");
    }

    @Test
    void refusesNonsenseValues() throws IOException {
        Path manifest = copyTiny().resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"embedding_size\": 32", "\"embedding_size\": -4"));
        assertThatThrownBy(() -> ModelFolder.open(dir))
                .isInstanceOf(ModelException.class).hasMessageContaining("embedding_size");
    }

    @Test
    void refusesBrokenJson() throws IOException {
        Files.writeString(copyTiny().resolve("manifest.json"), "{ not json");
        assertThatThrownBy(() -> ModelFolder.open(dir))
                .isInstanceOf(ModelException.class).hasMessageContaining("not a valid model manifest");
    }

    @Test
    void engineAndPrecisionDefaultToPyTorchAndFp32() throws IOException {
        Path manifest = copyTiny().resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replace("\"engine\": \"PyTorch\",", "").replace("\"precision\": \"fp32\",", ""));
        ModelManifest m = ModelFolder.open(dir).manifest();
        assertThat(m.engine()).isEqualTo("PyTorch");
        assertThat(m.precision()).isEqualTo("fp32");
        assertThat(m.variant()).isEqualTo("fp32");
        assertThat(m.modelId()).isEqualTo("tiny-clip-test-1");
    }

    @Test
    void engineIsReadInAnyCase() throws IOException {
        Path manifest = copyTiny().resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"PyTorch\"", "\"pytorch\""));
        assertThat(ModelFolder.open(dir).manifest().djlEngine()).isEqualTo("PyTorch");
    }

    @Test
    void refusesAnUnknownEngine() throws IOException {
        Path manifest = copyTiny().resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"PyTorch\"", "\"TensorFlow\""));
        assertThatThrownBy(() -> ModelFolder.open(dir))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("engine must be PyTorch or OnnxRuntime")
                .hasMessageContaining("\"TensorFlow\"");
    }

    @Test
    void refusesAnUnknownPrecision() throws IOException {
        Path manifest = copyTiny().resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"fp32\"", "\"fp16\""));
        assertThatThrownBy(() -> ModelFolder.open(dir))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("precision must be fp32, int8 or bf16")
                .hasMessageContaining("\"fp16\"");
    }

    @Test
    void refusesBf16ForOnnxRuntime() throws IOException {
        Path manifest = copyTiny().resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replace("\"PyTorch\"", "\"OnnxRuntime\"").replace("\"fp32\"", "\"bf16\""));
        assertThatThrownBy(() -> ModelFolder.open(dir))
                .isInstanceOf(ModelException.class).hasMessageContaining("bf16 is a PyTorch variant");
    }

    @Test
    void everyVariantHasItsOwnModelId() throws IOException {
        Path manifest = copyTiny().resolve("manifest.json");
        String fp32 = Files.readString(manifest);
        Files.writeString(manifest, fp32.replace("\"fp32\"", "\"int8\""));
        assertThat(ModelFolder.open(dir).manifest().modelId()).isEqualTo("tiny-clip-test-1@int8");
        Files.writeString(manifest, fp32.replace("\"fp32\"", "\"BF16\""));
        assertThat(ModelFolder.open(dir).manifest().modelId()).isEqualTo("tiny-clip-test-1@bf16");
        Path onnx = copyOnnx();
        assertThat(ModelFolder.open(onnx).manifest().modelId()).isEqualTo("tiny-clip-test-1@onnx-fp32");
        Path onnxManifest = onnx.resolve("manifest.json");
        Files.writeString(onnxManifest, Files.readString(onnxManifest)
                .replace("@onnx-fp32", "").replace("\"fp32\"", "\"int8\""));
        assertThat(ModelFolder.open(onnx).manifest().modelId()).isEqualTo("tiny-clip-test-1@onnx-int8");
        // a manifest that already names its variant keeps its id as it is
        assertThat(ModelFolder.open(TinyModel.DIR.resolveSibling("tiny-clip-int8")).manifest().modelId())
                .isEqualTo("tiny-clip-test-1@int8");
    }

    @Test
    void theDownloadersManifestStillWritesModelId() throws IOException {
        ModelManifest m = ModelFolder.open(TinyModel.DIR).manifest();
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
        assertThat(json).contains("\"model_id\":\"tiny-clip-test-1\"").doesNotContain("baseModelId")
                .doesNotContain("onnx").doesNotContain("variant");
    }
}
