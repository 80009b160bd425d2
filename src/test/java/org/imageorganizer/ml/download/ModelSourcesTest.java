package org.imageorganizer.ml.download;

import org.imageorganizer.common.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.imageorganizer.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSourcesTest {
    @TempDir
    Path dir;

    @Test
    void clipVitBasePatch32() {
        ModelSource clip = ModelSources.clipVitBasePatch32();

        assertThat(clip.id()).isEqualTo("clip-vit-base-patch32");
        assertThat(clip.manifest().modelId()).isEqualTo("openai/clip-vit-base-patch32@djl-clip-zip");
        assertThat(clip.manifest().embeddingSize()).isEqualTo(512);
        assertThat(clip.manifest().imageSize()).isEqualTo(224);
        assertThat(clip.manifest().contextLength()).isEqualTo(77);
        assertThat(clip.manifest().logitScale()).isEqualTo(100.0);
        assertThat(clip.manifest().modelFile()).isEqualTo("clip.pt");
        assertThat(clip.manifest().tokenizerFile()).isEqualTo("tokenizer.json");

        RemoteFile model = clip.files().get(0);
        assertThat(model.url()).isEqualTo(URI.create("https://resources.djl.ai/demo/pytorch/clip.zip"));
        assertThat(model.unzip()).isTrue();
        assertThat(model.extractEntry()).isEqualTo("clip.pt");
        assertThat(model.pinned()).as("nobody could pin clip.zip offline; see docs/decisions/0005").isFalse();

        RemoteFile tokenizer = clip.files().get(1);
        assertThat(tokenizer.url().toString()).contains("/resolve/3d74acf9a28c67741b2f4f2ea7635f0aaf6f0268/");
        assertThat(tokenizer.sha256()).isEqualTo("b556ac8c99757ffb677208af34bc8c6721572114111a6e0aaf5fa69ff0b8d842");
        assertThat(tokenizer.expectedSize()).isEqualTo(2_224_041);
    }

    @Test
    void theInt8OnnxVariantIsPinnedToARevisionAndItsChecksums() {
        ModelSource onnx = ModelSources.clipVitBasePatch32OnnxInt8();

        assertThat(onnx.id()).isEqualTo("clip-vit-base-patch32-onnx-int8");
        assertThat(onnx.files()).allMatch(RemoteFile::pinned);
        assertThat(onnx.files().get(0).url().toString()).isEqualTo("https://huggingface.co/Xenova/clip-vit-base-patch32/"
                + "resolve/d15189d7028b43f1d3e65039190477f6af591c2a/onnx/vision_model_quantized.onnx");
        assertThat(onnx.files().get(0).sha256()).isEqualTo("583fd1110a514667812fee7d684952aaf82a99b959760c8d7dca7e0ab9839299");
        assertThat(onnx.files().get(0).expectedSize()).isEqualTo(89_117_001);
        assertThat(onnx.files().get(1).sha256()).isEqualTo("73baab855d406190da9faa498cfedf65f15cf309f4cc7385b7b032e6d08e5c3a");
        assertThat(onnx.files().get(1).expectedSize()).isEqualTo(64_504_507);
        assertThat(onnx.files().get(2)).isEqualTo(ModelSources.clipVitBasePatch32().files().get(1));
        assertThat(onnx.manifest().engine()).isEqualTo("OnnxRuntime");
        assertThat(onnx.manifest().precision()).isEqualTo("int8");
        assertThat(onnx.manifest().textModelFile()).isEqualTo("text_model_quantized.onnx");
        // the same base model as the fp32 download, so auto compares the two
        assertThat(onnx.manifest().modelId()).startsWith("openai/clip-vit-base-patch32@");
    }

    @Test
    void eachPrecisionDownloadsItsVariants() {
        assertThat(ModelSources.forPrecision("auto")).extracting(ModelSource::id)
                .containsExactly("clip-vit-base-patch32", "clip-vit-base-patch32-onnx-int8");
        assertThat(ModelSources.forPrecision("fp32")).extracting(ModelSource::id).containsExactly("clip-vit-base-patch32");
        assertThat(ModelSources.forPrecision("int8")).extracting(ModelSource::id)
                .containsExactly("clip-vit-base-patch32-onnx-int8");
        assertThat(ModelSources.forPrecision("bf16")).isEmpty();
    }

    @Test
    void theRealModelIsRefusedUntilPinnedWithoutTouchingTheNetwork() {
        ModelDownloader downloader = new ModelDownloader(ModelDownloader.defaultHttpClient(), dir,
                new RetryPolicy(1, Duration.ZERO));

        assertThatThrownBy(() -> downloader.download(ModelSources.clipVitBasePatch32(), null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("clip.zip from https://resources.djl.ai/demo/pytorch/clip.zip")
                .hasMessageContaining("tokenizer.json from https://huggingface.co/")
                .hasMessageContaining("--model-dir DIR");
    }

    @Test
    void rejectsUnsafeNamesAndBadChecksums() {
        URI url = URI.create("https://example.org/x");
        assertThatThrownBy(() -> RemoteFile.plain("../x", url, null, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemoteFile.plain("x", url, "abc", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemoteFile.plain("x", URI.create("file:///x"), null, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RetryPolicy(3, Duration.ofSeconds(1)).delayBeforeRetry(2)).isEqualTo(Duration.ofSeconds(2));
    }
}
