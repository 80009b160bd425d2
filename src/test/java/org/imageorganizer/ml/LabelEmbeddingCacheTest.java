package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelEmbeddingCacheTest {
    private static final List<String> LABELS = List.of("cat", "dog", "bird");
    private static final List<String> TEMPLATES = List.of("a photo of a {}.", "a close-up photo of a {}.");

    @TempDir
    Path dir;

    private final AtomicInteger calls = new AtomicInteger();

    /** Distinct, exactly representable values per call, so a result shows which computation it came from. */
    private Supplier<float[][]> compute(int count) {
        return () -> {
            int call = calls.incrementAndGet();
            float[][] out = new float[count][4];
            for (int i = 0; i < count; i++) {
                for (int d = 0; d < 4; d++) {
                    out[i][d] = call * 100 + i * 10 + d + 0.25f;
                }
            }
            return out;
        };
    }

    private Path cacheFolder() {
        return dir.resolve("label-embeddings");
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(cacheFolder())) {
            return files.toList();
        }
    }

    @Test
    void aSecondGetWithTheSameKeyReadsTheCacheInsteadOfComputing() {
        LabelEmbeddingCache cache = new LabelEmbeddingCache(cacheFolder());

        float[][] first = cache.get("model-a", LABELS, TEMPLATES, compute(3));
        float[][] second = cache.get("model-a", LABELS, TEMPLATES, compute(3));

        assertThat(calls).hasValue(1);
        assertThat(second).isDeepEqualTo(first);
    }

    @Test
    void theCacheSurvivesANewInstanceOnTheSameFolder() {
        float[][] first = new LabelEmbeddingCache(cacheFolder()).get("model-a", LABELS, TEMPLATES, compute(3));

        float[][] again = new LabelEmbeddingCache(cacheFolder()).get("model-a", LABELS, TEMPLATES, compute(3));

        assertThat(calls).hasValue(1);
        assertThat(again).isDeepEqualTo(first);
        assertThat(first[2]).containsExactly(120.25f, 121.25f, 122.25f, 123.25f);
    }

    @Test
    void anotherModelLabelListOrTemplateListIsComputedSeparately() {
        LabelEmbeddingCache cache = new LabelEmbeddingCache(cacheFolder());
        float[][] base = cache.get("model-a", LABELS, TEMPLATES, compute(3));

        float[][] otherModel = cache.get("model-b", LABELS, TEMPLATES, compute(3));
        float[][] otherLabels = cache.get("model-a", List.of("cat", "dog", "horse"), TEMPLATES, compute(3));
        float[][] reordered = cache.get("model-a", List.of("dog", "cat", "bird"), TEMPLATES, compute(3));
        float[][] otherTemplates = cache.get("model-a", LABELS, List.of("a photo of a {}."), compute(3));

        assertThat(calls).hasValue(5);
        for (float[][] other : List.of(otherModel, otherLabels, reordered, otherTemplates)) {
            assertThat(other[0][0]).isNotEqualTo(base[0][0]);
        }

        // and each of them is cached under its own key
        assertThat(cache.get("model-b", LABELS, TEMPLATES, compute(3))).isDeepEqualTo(otherModel);
        assertThat(cache.get("model-a", LABELS, TEMPLATES, compute(3))).isDeepEqualTo(base);
        assertThat(calls).hasValue(5);
    }

    @Test
    void aCorruptCacheFileIsIgnoredAndRewritten() throws IOException {
        LabelEmbeddingCache cache = new LabelEmbeddingCache(cacheFolder());
        cache.get("model-a", LABELS, TEMPLATES, compute(3));
        Path file = cacheFiles().get(0);
        Files.write(file, "this is not a cache file at all".getBytes());

        float[][] recomputed = cache.get("model-a", LABELS, TEMPLATES, compute(3));
        float[][] reread = cache.get("model-a", LABELS, TEMPLATES, compute(3));

        assertThat(calls).hasValue(2);
        assertThat(recomputed[0][0]).isEqualTo(200.25f);
        assertThat(reread).isDeepEqualTo(recomputed);
        assertThat(cacheFiles()).containsExactly(file);
    }

    @Test
    void aTruncatedCacheFileIsIgnoredAndRewritten() throws IOException {
        LabelEmbeddingCache cache = new LabelEmbeddingCache(cacheFolder());
        cache.get("model-a", LABELS, TEMPLATES, compute(3));
        Path file = cacheFiles().get(0);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 5));

        float[][] recomputed = cache.get("model-a", LABELS, TEMPLATES, compute(3));

        assertThat(calls).hasValue(2);
        assertThat(recomputed[0][0]).isEqualTo(200.25f);
        assertThat(Files.size(file)).isEqualTo(whole.length);
        assertThat(cache.get("model-a", LABELS, TEMPLATES, compute(3))).isDeepEqualTo(recomputed);
        assertThat(calls).hasValue(2);
    }

    @Test
    void anEmptyCacheFileIsIgnored() throws IOException {
        LabelEmbeddingCache cache = new LabelEmbeddingCache(cacheFolder());
        cache.get("model-a", LABELS, TEMPLATES, compute(3));
        Files.write(cacheFiles().get(0), new byte[0]);

        cache.get("model-a", LABELS, TEMPLATES, compute(3));

        assertThat(calls).hasValue(2);
    }

    @Test
    void anUnwritableCacheFolderStillReturnsTheComputedEmbeddings() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "a file where the folder should be");
        LabelEmbeddingCache cache = new LabelEmbeddingCache(blocker);

        float[][] first = cache.get("model-a", LABELS, TEMPLATES, compute(3));
        float[][] second = cache.get("model-a", LABELS, TEMPLATES, compute(3));

        assertThat(first).hasNumberOfRows(3);
        assertThat(second).hasNumberOfRows(3);
        assertThat(calls).hasValue(2);
    }

    @Test
    void writingLeavesNoTemporaryFiles() throws IOException {
        LabelEmbeddingCache cache = new LabelEmbeddingCache(cacheFolder());
        cache.get("model-a", LABELS, TEMPLATES, compute(3));
        cache.get("model-b", LABELS, TEMPLATES, compute(3));

        assertThat(cacheFiles()).hasSize(2).allSatisfy(p -> assertThat(p.toString()).endsWith(".bin"));
    }
}
