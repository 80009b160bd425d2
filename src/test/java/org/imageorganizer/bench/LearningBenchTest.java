package org.imageorganizer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.imageorganizer.ml.EmbeddingMath;
import org.imageorganizer.ml.FewShotReferences;
import org.imageorganizer.ml.ZeroShotClassifier;
import org.junit.jupiter.api.Test;

class LearningBenchTest {
    private final LearningData data = LearningData.synthetic(6, 60, 3);
    private final LearningBench.Method method = LearningBench.methods(FewShotReferences.Weights.defaults()).get(0);

    private double zeroShotAgreement() {
        int[] predicted = LearningBench.predict(new ZeroShotClassifier(data.names(), data.texts(), 100, 0), data.photos());
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == data.truth()[i] ? 1 : 0;
        }
        return (double) right / predicted.length;
    }

    @Test
    void syntheticTextEmbeddingsAreImperfectSoZeroShotMakesMistakes() {
        assertThat(data.photos().length).isEqualTo(360);
        assertThat(data.texts().length).isEqualTo(6);
        double agreement = zeroShotAgreement();
        assertThat(agreement).isGreaterThan(1.0 / 6).isLessThan(0.9);
    }

    @Test
    void syntheticEmbeddingsHaveClipsScalesPhotosInOneConeTextsFarther() {
        LearningData big = LearningData.synthetic(12, 100, 1);
        double within = 0;
        double across = 0;
        int w = 0;
        int a = 0;
        for (int i = 0; i < big.photos().length; i += 7) {
            for (int j = i + 1; j < big.photos().length; j += 13) {
                double cos = EmbeddingMath.dot(big.photos()[i], big.photos()[j]);
                if (big.truth()[i] == big.truth()[j]) {
                    within += cos;
                    w++;
                } else {
                    across += cos;
                    a++;
                }
            }
        }
        double right = 0;
        double wrong = 0;
        for (int i = 0; i < big.photos().length; i++) {
            for (int c = 0; c < big.texts().length; c++) {
                double cos = EmbeddingMath.dot(big.photos()[i], big.texts()[c]);
                if (c == big.truth()[i]) {
                    right += cos / big.photos().length;
                } else {
                    wrong += cos / (big.photos().length * (big.texts().length - 1.0));
                }
            }
        }
        assertThat(across / a).isBetween(0.5, 0.6);
        assertThat(within / w).isBetween(across / a + 0.03, 0.7);
        assertThat(right).isBetween(0.24, 0.3);
        assertThat(wrong).isBetween(0.18, right - 0.02);
    }

    @Test
    void withoutCorrectionsTheAgreementIsZeroShotsAndCorrectionsRaiseIt() {
        double[][] run = LearningBench.simulate(data, method, 11);
        double[] agreement = run[0];
        double[] corrections = run[1];
        assertThat(agreement[0]).isEqualTo(zeroShotAgreement());
        assertThat(corrections[0]).isZero();
        // one photo per category and round at most, only photos the classifier got wrong
        assertThat(corrections[1]).isBetween(1.0, 6.0);
        assertThat(corrections[3]).isLessThanOrEqualTo(6 * 20).isGreaterThan(corrections[2]);
        assertThat(agreement[3]).isGreaterThan(agreement[0] + 0.1);
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        assertThat(LearningBench.simulate(data, method, 5)).isDeepEqualTo(LearningBench.simulate(data, method, 5));
        assertThat(LearningData.synthetic(6, 60, 3).photos()).isDeepEqualTo(data.photos());
    }

    @Test
    void printsOneRowPerDataAndMethod() {
        StringWriter text = new StringWriter();
        List<LearningBench.Row> rows = List.of(LearningBench.summarise("synthetic", method, List.of(data), 1));
        LearningBench.print(new PrintWriter(text), rows, FewShotReferences.Weights.defaults(), new double[] {1.5, 1.6}, 1000, 6);
        assertThat(text.toString()).contains("## Learning from corrections", "| synthetic | centred (the product's) | 1 | 360 |",
                "1.5 ms zero-shot, 1.6 ms with learnt");
    }
}
