package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.imageorganizer.model.Label;
import org.junit.jupiter.api.Test;

class ZeroShotClassifierTest {
    private static float[] unit(int dim, int axis) {
        float[] v = new float[dim];
        v[axis] = 1;
        return v;
    }

    @Test
    void picksTheMostSimilarLabelWithSoftmaxConfidence() {
        ZeroShotClassifier classifier = new ZeroShotClassifier(List.of("cat", "dog", "car"),
                new float[][] {unit(4, 0), unit(4, 1), unit(4, 2)}, 100, 0.2);
        float[] image = EmbeddingMath.normalized(new float[] {0.9f, 0.1f, 0, 0.2f});
        Label label = classifier.classify(image);
        assertThat(label.name()).isEqualTo("cat");
        double[] p = classifier.probabilities(image);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, offset(1e-9));
        double cosCat = image[0];
        double cosDog = image[1];
        double cosCar = 0;
        double expected = 1 / (1 + Math.exp(100 * (cosDog - cosCat)) + Math.exp(100 * (cosCar - cosCat)));
        assertThat(label.confidence()).isCloseTo(expected, offset(1e-6));
    }

    @Test
    void unsureImagesBecomeOther() {
        ZeroShotClassifier classifier = new ZeroShotClassifier(List.of("cat", "dog", "car", "boat"),
                new float[][] {unit(5, 0), unit(5, 1), unit(5, 2), unit(5, 3)}, 100, 0.5);
        float[] between = EmbeddingMath.normalized(new float[] {1, 1, 1, 1, 0});
        Label label = classifier.classify(between);
        assertThat(label.name()).isEqualTo(Label.OTHER);
        assertThat(label.confidence()).isCloseTo(0.25, offset(1e-6));
    }

    @Test
    void noThresholdAcceptsTheBestLabel() {
        ZeroShotClassifier classifier = new ZeroShotClassifier(List.of("a", "b"),
                new float[][] {unit(2, 0), unit(2, 1)}, 1, 0);
        assertThat(classifier.classify(EmbeddingMath.normalized(new float[] {1, 1.01f})).name()).isEqualTo("b");
    }

    @Test
    void aBiasIsAddedToItsLabelsLogit() {
        float[][] references = {unit(2, 0), unit(2, 1)};
        ZeroShotClassifier biased = new ZeroShotClassifier(List.of("a", "b"), references, new double[] {0, 3}, 1, 0);
        float[] image = EmbeddingMath.normalized(new float[] {1, 1});
        double expected = 1 / (1 + Math.exp(-3));
        assertThat(biased.probabilities(image)[1]).isCloseTo(expected, offset(1e-9));
        assertThat(biased.classify(image).name()).isEqualTo("b");
    }

    @Test
    void needsOneBiasPerLabel() {
        assertThatThrownBy(() -> new ZeroShotClassifier(List.of("a", "b"), new float[][] {unit(2, 0), unit(2, 1)},
                new double[1], 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
