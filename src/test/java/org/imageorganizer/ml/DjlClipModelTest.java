package org.imageorganizer.ml;

import org.imageorganizer.model.ModelException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("model")
class DjlClipModelTest {
    private static DjlClipModel model;

    @BeforeAll
    static void load() {
        model = TinyModel.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aCloseWhileTextsAreEncodedWaitsForThemAndLaterCallsFailWithASentence() throws Exception {
        DjlClipModel own = TinyModel.load();
        List<String> texts = java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> "a photo of thing " + i + ".").toList();
        java.util.concurrent.CompletableFuture<float[][]> encoding = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> own.embedTexts(texts));
        own.close(); // freed the tokenizer under the encoding before: the JVM crashed in its native code
        try {
            assertThat(encoding.get()).hasDimensions(texts.size(), 32);
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).as("started after the close").isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> own.embedTexts(List.of("a cat"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("The model was closed before this call.");
        assertThatThrownBy(() -> own.embedImages(new float[3 * 224 * 224], 1)).isInstanceOf(IllegalStateException.class);
        own.close(); // twice is harmless
    }

    @Test
    void imageFeaturesHaveTheManifestShapeAndAreDeterministic() {
        int per = 3 * 224 * 224;
        float[] batch = new float[per * 3];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (float) Math.sin(i * 0.001);
        }
        float[][] first = model.embedImages(batch, 3);
        float[][] second = model.embedImages(batch, 3);
        assertThat(first).hasDimensions(3, 32);
        assertThat(first[0]).containsExactly(second[0]);
        assertThat(first[0]).isNotEqualTo(first[1]);
    }

    @Test
    void batchingDoesNotChangeAnImagesFeatures() {
        int per = 3 * 224 * 224;
        float[] two = new float[per * 2];
        for (int i = 0; i < two.length; i++) {
            two[i] = (float) Math.cos(i * 0.0007);
        }
        float[][] batched = model.embedImages(two, 2);
        float[][] single = model.embedImages(Arrays.copyOfRange(two, per, 2 * per), 1);
        for (int d = 0; d < 32; d++) {
            assertThat(batched[1][d]).isCloseTo(single[0][d], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void textFeaturesForTextsOfDifferentLengths() {
        float[][] features = model.embedTexts(List.of("a photo of a cat.", "a blurry close-up photo of a very small dog."));
        assertThat(features).hasDimensions(2, 32);
        float[][] alone = model.embedTexts(List.of("a photo of a cat."));
        for (int d = 0; d < 32; d++) {
            assertThat(features[0][d]).isCloseTo(alone[0][d], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void tokenizerMatchesTheReferenceTokenizer() throws IOException {
        JsonNode cases = new ObjectMapper().readTree(TinyModel.DIR.resolve("tokenizer-expected.json").toFile());
        assertThat(cases.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode c : cases) {
            long[] expected = new long[c.get("ids").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = c.get("ids").get(i).asLong();
            }
            assertThat(model.tokenIds(c.get("text").asText())).as(c.get("text").asText()).containsExactly(expected);
        }
    }

    @Test
    void longTextsAreTruncatedToTheContextLength() {
        String longText = "cat ".repeat(200);
        assertThat(model.tokenIds(longText)).hasSize(77);
        assertThat(model.embedTexts(List.of(longText))).hasDimensions(1, 32);
    }

    @Test
    void wrongEmbeddingSizeInTheManifestIsReported(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"manifest.json", "tiny-clip.pt", "tokenizer.json"}) {
            Files.copy(TinyModel.DIR.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"embedding_size\": 32", "\"embedding_size\": 512"));
        assertThatThrownBy(() -> DjlClipModel.load(ModelFolder.open(dir)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("get_image_features")
                .hasMessageContaining("512");
    }

    @Test
    void aFileThatIsNotTorchScriptIsReported(@TempDir Path dir) throws IOException {
        Files.copy(TinyModel.DIR.resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve("tiny-clip.pt"), "this is not a model");
        String manifest = Files.readString(TinyModel.DIR.resolve("manifest.json"))
                .replace("35c5f68a65faf425ddf31bc7a2a682f080a3eddc5cf0edb105581cb801e8d299",
                        ModelFolder.sha256(dir.resolve("tiny-clip.pt")));
        Files.writeString(dir.resolve("manifest.json"), manifest);
        assertThatThrownBy(() -> DjlClipModel.load(ModelFolder.open(dir)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("Cannot load the model");
    }
}
