package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryEncoderTest {
    /** A text encoder that writes each text's length and first letter into a vector, and remembers its calls. */
    static final class CountingTexts implements ClipModel {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public ModelManifest manifest() {
            throw new UnsupportedOperationException();
        }

        @Override
        public float[][] embedImages(float[] pixels, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized float[][] embedTexts(List<String> texts) {
            calls.add(List.copyOf(texts));
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                String t = texts.get(i);
                out[i] = new float[] {t.length(), t.charAt(0), 3f};
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    private final CountingTexts model = new CountingTexts();
    private final QueryEncoder encoder = new QueryEncoder(model);

    @Test
    void aQueryIsItsPromptsInOneCallAveragedAndNormalised() {
        float[] embedding = encoder.encode("  A dog   on the BEACH ");

        assertThat(model.calls).containsExactly(List.of("a dog on the beach", "a photo of a dog on the beach.",
                "a picture of a dog on the beach."));
        double norm = 0;
        for (float v : embedding) {
            norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
        float[] expected = new PromptEnsemble(QueryEncoder.TEMPLATES).embed(new CountingTexts(), List.of("a dog on the beach"))[0];
        assertThat(embedding).containsExactly(expected);
    }

    @Test
    void theSameQueryIsEncodedOnceAndItsCopiesAreTheCallersOwn() {
        float[] first = encoder.encode("cat");
        first[0] = 42f;
        float[] again = encoder.encode(" CAT ");

        assertThat(model.calls).hasSize(1);
        assertThat(again[0]).isNotEqualTo(42f);
    }

    @Test
    void theOldestQueriesLeaveTheCache() {
        for (int i = 0; i <= QueryEncoder.CACHED; i++) {
            encoder.encode("query " + i);
        }
        encoder.encode("query " + QueryEncoder.CACHED); // still cached
        assertThat(model.calls).hasSize(QueryEncoder.CACHED + 1);
        encoder.encode("query 0"); // evicted: encoded again
        assertThat(model.calls).hasSize(QueryEncoder.CACHED + 2);
    }

    @Test
    void blankAndOverlongQueriesAreRefusedWithAReason() {
        assertThatThrownBy(() -> encoder.encode("   ")).hasMessage("the search text is empty");
        assertThatThrownBy(() -> encoder.encode(null)).hasMessage("the search text is empty");
        assertThatThrownBy(() -> encoder.encode("x".repeat(QueryEncoder.MAX_LENGTH + 1)))
                .hasMessageContaining("longer than " + QueryEncoder.MAX_LENGTH);
        assertThat(model.calls).isEmpty();
    }
}
