package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tiny model's PyTorch variants (made by {@code scripts/make_tiny_clip.py --variant}) load like
 * the fp32 model and embed close to it. The weights are random, so the cosines only say that the
 * variant computes the same function; the real model's figures come from its own calibration.
 */
@Tag("model")
class ModelVariantsTest {
    private static final Path MODELS = TinyModel.DIR.getParent();
    private static final List<String> TEXTS = List.of("a photo of a cat.", "a blurry photo of a dog on the beach.");
    private static DjlClipModel fp32;
    private static float[][] fp32Images;
    private static float[][] fp32Texts;

    @BeforeAll
    static void loadFp32() {
        fp32 = TinyModel.load();
        fp32Images = embedImages(fp32);
        fp32Texts = normalized(fp32.embedTexts(TEXTS));
    }

    @AfterAll
    static void close() {
        fp32.close();
    }

    @ParameterizedTest
    @CsvSource({
        "tiny-clip-int8, int8, 0.99",
        "tiny-clip-bf16, bf16, 0.999",
        "tiny-clip-onnx-fp32, onnx-fp32, 0.9999",
        "tiny-clip-onnx-int8, onnx-int8, 0.99"})
    void variantLoadsAndEmbedsCloseToFp32(String folder, String variantName, double minCosine) {
        ModelFolder opened = ModelFolder.open(MODELS.resolve(folder));
        assertThat(opened.manifest().variant()).isEqualTo(variantName);
        assertThat(opened.manifest().modelId()).isEqualTo("tiny-clip-test-1@" + variantName)
                .isNotEqualTo(fp32.manifest().modelId());
        long start = System.nanoTime();
        try (ClipModel variant = ClipModels.load(opened)) {
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            float[][] images = embedImages(variant);
            float[][] texts = normalized(variant.embedTexts(TEXTS));
            assertThat(images).hasDimensions(fp32Images.length, 32);
            assertThat(texts).hasDimensions(TEXTS.size(), 32);
            double lowest = 1;
            for (float[][][] pair : new float[][][][] {{images, fp32Images}, {texts, fp32Texts}}) {
                for (int i = 0; i < pair[0].length; i++) {
                    assertThat(EmbeddingMath.dot(pair[0][i], pair[0][i])).isCloseTo(1.0, offset(1e-5));
                    lowest = Math.min(lowest, EmbeddingMath.dot(pair[0][i], pair[1][i]));
                }
            }
            System.out.printf("%s: loaded in %d ms, lowest cosine to fp32 %.5f over %d images and %d texts%n",
                    opened.manifest().modelId(), loadMillis, lowest, images.length, texts.length);
            assertThat(lowest).as("lowest cosine to fp32").isGreaterThan(minCosine);
        }
    }

    /** Normalised embeddings of a few solid and split colour images, one batch, as the importer computes them. */
    private static float[][] embedImages(ClipModel model) {
        ImageEmbedder embedder = new ImageEmbedder(model, new TestTimeAugmenter(1));
        List<float[]> prepared = new ArrayList<>();
        int[][] colours = {{230, 20, 20}, {20, 20, 230}, {30, 160, 40}, {240, 240, 240}};
        for (int i = 0; i < colours.length; i++) {
            prepared.add(embedder.prepare(twoTone(colours[i], colours[(i + 1) % colours.length]), "%064x".formatted(i)));
        }
        return embedder.embed(prepared);
    }

    private static RgbImage twoTone(int[] left, int[] right) {
        int w = 320;
        int h = 240;
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] c = x < w / 3 ? left : right;
                for (int k = 0; k < 3; k++) {
                    px[(y * w + x) * 3 + k] = (byte) c[k];
                }
            }
        }
        return new RgbImage(w, h, px);
    }

    private static float[][] normalized(float[][] vectors) {
        float[][] out = new float[vectors.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = EmbeddingMath.normalized(vectors[i]);
        }
        return out;
    }
}
