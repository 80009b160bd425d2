package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("model")
class NameSuggesterTest {
    private static DjlClipModel tiny;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        tiny = TinyModel.load();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    @Test
    void theVocabularyHoldsAFewThousandEverydayTermsEachOnce() {
        List<String> vocabulary = NameSuggester.vocabulary();
        assertThat(vocabulary).hasSizeBetween(2000, 5000).doesNotHaveDuplicates()
                .contains("beach", "dog", "birthday party", "ski trip", "receipt", "sunset", "golden retriever", "bicycle");
        assertThat(vocabulary).allSatisfy(term -> {
            assertThat(term).isEqualTo(term.strip().toLowerCase(Locale.ROOT)).doesNotStartWith("#").isNotEmpty();
        });
        assertThat(vocabulary).doesNotContain("photo", "image", "picture", "thing");
    }

    private static float[] unit(int dim, int axis) {
        float[] v = new float[dim];
        v[axis] = 1;
        return v;
    }

    @Test
    void suggestsTheTermsNearestTheClustersMeanBestFirst() {
        NameSuggester suggester = new NameSuggester(List.of("beach", "forest", "city", "snow"),
                new float[][] {unit(4, 0), unit(4, 1), unit(4, 2), unit(4, 3)});
        List<float[]> cluster = List.of(EmbeddingMath.normalized(new float[] {0.2f, 0.9f, 0.4f, 0}),
                EmbeddingMath.normalized(new float[] {0.1f, 0.8f, 0.5f, 0.1f}));
        List<NameSuggester.Suggestion> names = suggester.suggest(cluster, 3);
        assertThat(names).extracting(NameSuggester.Suggestion::name).containsExactly("forest", "city", "beach");
        assertThat(names.get(0).score()).isGreaterThan(names.get(1).score());
        assertThat(suggester.suggest(cluster, 10)).hasSize(4);
        assertThatThrownBy(() -> suggester.suggest(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suggester.suggestFor(unit(4, 0), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The tiny model, counting the texts it encodes. */
    private static final class CountingModel extends ForwardingClipModel {
        final AtomicInteger texts = new AtomicInteger();
        int largestCall;

        CountingModel() {
            super(tiny);
        }

        @Override
        public float[][] embedTexts(List<String> batch) {
            texts.addAndGet(batch.size());
            largestCall = Math.max(largestCall, batch.size());
            return super.embedTexts(batch);
        }

        @Override
        public void close() {
            // the shared tiny model stays open
        }
    }

    @Test
    void encodesTheVocabularyOncePerModelInSmallCallsAndNamesAClusterOfAThing() throws Exception {
        LabelEmbeddingCache cache = new LabelEmbeddingCache(dir.resolve("labels"));
        CountingModel model = new CountingModel();
        NameSuggester first = NameSuggester.inBackground(model, cache).get(5, TimeUnit.MINUTES);
        int terms = NameSuggester.vocabulary().size();
        assertThat(first.size()).isEqualTo(terms);
        assertThat(model.texts.get()).isEqualTo(terms * NameSuggester.TEMPLATES.size());
        assertThat(model.largestCall).isLessThanOrEqualTo(NameSuggester.TERMS_PER_CALL * NameSuggester.TEMPLATES.size());

        NameSuggester again = NameSuggester.forModel(model, cache);
        assertThat(model.texts.get()).as("read from the cache").isEqualTo(terms * NameSuggester.TEMPLATES.size());

        // a "cluster" whose photos sit where the model puts the text of a term is named after that term
        float[] bicycle = new PromptEnsemble(NameSuggester.TEMPLATES).embed(tiny, List.of("bicycle"))[0];
        List<float[]> cluster = new ArrayList<>();
        cluster.add(bicycle);
        cluster.add(bicycle.clone());
        assertThat(again.suggest(cluster, 1).get(0).name()).isEqualTo("bicycle");
        assertThat(first.suggest(cluster, 1)).isEqualTo(again.suggest(cluster, 1).subList(0, 1));
    }
}
