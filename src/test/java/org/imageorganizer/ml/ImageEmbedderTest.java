package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.model.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("model")
class ImageEmbedderTest {
    private static DjlClipModel model;

    @BeforeAll
    static void load() {
        model = TinyModel.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static RgbImage picture(long seed) {
        byte[] px = new byte[300 * 250 * 3];
        Random random = new Random(seed);
        for (int y = 0; y < 250; y++) {
            for (int x = 0; x < 300; x++) {
                int i = (y * 300 + x) * 3;
                px[i] = (byte) (x * seed);
                px[i + 1] = (byte) (y + random.nextInt(20));
                px[i + 2] = (byte) (x ^ y);
            }
        }
        return new RgbImage(300, 250, px);
    }

    private static String hash(int i) {
        return String.format("%064x", 1000L + i);
    }

    @Test
    void embeddingsAreUnitLengthAndAverageTheViews() {
        ImageEmbedder three = new ImageEmbedder(model, new TestTimeAugmenter(3));
        ImageEmbedder one = new ImageEmbedder(model, new TestTimeAugmenter(1));
        List<float[]> prepared3 = List.of(three.prepare(picture(3), hash(1)), three.prepare(picture(5), hash(2)));
        List<float[]> prepared1 = List.of(one.prepare(picture(3), hash(1)), one.prepare(picture(5), hash(2)));
        float[][] averaged = three.embed(prepared3);
        float[][] single = one.embed(prepared1);
        for (float[] e : averaged) {
            assertThat(Math.sqrt(EmbeddingMath.dot(e, e))).isCloseTo(1.0, offset(1e-5));
        }
        // the original view is the first of the three, so the average stays close but not equal to it
        assertThat(EmbeddingMath.dot(averaged[0], single[0])).isLessThan(1.0 - 1e-7).isGreaterThan(0.5);
    }

    @Test
    void adaptiveTtaRunsTheExtraViewsOnlyForUncertainImages() {
        ImageEmbedder three = new ImageEmbedder(model, new TestTimeAugmenter(3));
        ImageEmbedder one = new ImageEmbedder(model, new TestTimeAugmenter(1));
        List<float[]> prepared = List.of(three.prepare(picture(3), hash(1)), three.prepare(picture(5), hash(2)));
        float[][] full = three.embed(prepared);
        float[][] firstOnly = one.embed(List.of(one.prepare(picture(3), hash(1)), one.prepare(picture(5), hash(2))));

        AtomicInteger asked = new AtomicInteger();
        float[][] sure = three.embedAdaptive(prepared, e -> {
            asked.incrementAndGet();
            return false;
        });
        assertThat(asked.get()).isEqualTo(2);
        float[][] unsure = three.embedAdaptive(prepared, e -> true);
        float[][] mixed = three.embedAdaptive(prepared, e -> EmbeddingMath.dot(e, firstOnly[1]) > 0.9999);
        for (int d = 0; d < full[0].length; d++) {
            assertThat(sure[0][d]).isCloseTo(firstOnly[0][d], offset(1e-4f));
            assertThat(unsure[0][d]).isCloseTo(full[0][d], offset(1e-4f));
            assertThat(mixed[0][d]).isCloseTo(firstOnly[0][d], offset(1e-4f));
            assertThat(mixed[1][d]).isCloseTo(full[1][d], offset(1e-4f));
        }
    }
}
