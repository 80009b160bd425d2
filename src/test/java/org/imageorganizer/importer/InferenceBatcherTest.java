package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.ml.ForwardingClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.ml.TinyModel;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model stage's batches: a folder import starts small and grows to the full batch; uploads do not. */
@Tag("model")
class InferenceBatcherTest {
    @TempDir
    Path dir;

    /** The tiny model, remembering how many images each call took. */
    private static final class Recording extends ForwardingClipModel {
        final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());

        Recording() {
            super(TinyModel.load());
        }

        @Override
        public float[][] embedImages(float[] pixels, int count) {
            calls.add(count);
            return super.embedImages(pixels, count);
        }
    }

    private static List<Integer> batches(int images, int views, boolean folders, Path labels) throws Exception {
        try (Recording model = new Recording()) {
            ImageEmbedder embedder = new ImageEmbedder(model, new TestTimeAugmenter(views));
            ImageClassifier classifier = ImageClassifier.create(model, LabelSettings.defaults(), new LabelEmbeddingCache(labels));
            ImportOptions options = new ImportOptions(1, 16, 40, 1, false);
            SafeImageDecoder decoder = new SafeImageDecoder();
            List<float[]> tensors = new ArrayList<>();
            for (int i = 0; i < images; i++) {
                byte[] png = TestImages.encode(TestImages.picture(i % 3, i, 240, 240), "png");
                tensors.add(embedder.prepare(decoder.decode(png, 224).image(), String.format("%064x", i)));
            }
            try (InferenceBatcher batcher = folders ? InferenceBatcher.forFolders(embedder, () -> classifier, options)
                    : InferenceBatcher.forUploads(embedder, classifier, options.imagesPerCall(views))) {
                List<CompletableFuture<InferenceBatcher.Inferred>> results = new ArrayList<>();
                tensors.forEach(t -> results.add(batcher.submit(t)));
                batcher.endOfInput();
                for (CompletableFuture<InferenceBatcher.Inferred> result : results) {
                    assertThat(result.get().embedding()).isNotEmpty();
                }
            }
            return model.calls.stream().map(views1 -> views1 / views).toList();
        }
    }

    @Test
    void aFolderImportsFirstBatchesAreSmallAndGrowToTheFullBatch() throws Exception {
        List<Integer> oneView = batches(40, 1, true, dir.resolve("labels"));
        assertThat(oneView).startsWith(1, 2, 4, 8, 16);
        assertThat(oneView.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
        assertThat(oneView).allMatch(n -> n <= 16);

        // three views: 16 / 3 = 5 images a call at most
        List<Integer> threeViews = batches(20, 3, true, dir.resolve("labels"));
        assertThat(threeViews).startsWith(1, 2, 4, 5, 5);
        assertThat(threeViews.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
    }

    @Test
    void uploadsTakeTheFullBatchAtOnce() throws Exception {
        assertThat(batches(16, 1, false, dir.resolve("labels"))).first().isEqualTo(16);
    }
}
