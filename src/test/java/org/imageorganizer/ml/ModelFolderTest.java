package org.imageorganizer.ml;

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
}
