package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FewShotReferencesTest {
    private static final int DIM = 64;
    private static final double SCALE = 100;
    private static final List<String> LABELS = List.of("boat", "jetty", "train");

    /** A CLIP-like space: photos share a cone around AXIS, texts a cone of their own. */
    private final SplittableRandom random = new SplittableRandom(7);
    private final float[] axis = randomUnit();
    private final float[] textAxis = randomUnit();
    private final float[][] looks = {randomUnit(), randomUnit(), randomUnit()};
    private final float[][] texts = {text(0), text(1), text(2)};

    private float[] randomUnit() {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) (random.nextDouble() * 2 - 1);
        }
        return EmbeddingMath.normalized(v);
    }

    private static float[] mix(double a, float[] x, double b, float[] y, double c, float[] z) {
        float[] out = new float[x.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = (float) (a * x[d] + b * y[d] + c * z[d]);
        }
        return EmbeddingMath.normalized(out);
    }

    private float[] text(int category) {
        return mix(0.25, axis, 0.93, textAxis, 0.25, looks[category]);
    }

    /** A photo that looks like {@code category}, with a little noise. */
    private float[] photo(int category) {
        return mix(0.75, axis, 0.55, looks[category], 0.3, randomUnit());
    }

    private List<float[]> photos(int category, int count) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(photo(category));
        }
        return out;
    }

    /** The library's centre: photos of every category. */
    private float[] centre() {
        List<float[]> all = new ArrayList<>();
        for (int c = 0; c < looks.length; c++) {
            all.addAll(photos(c, 30));
        }
        return EmbeddingCentre.of(all);
    }

    private static List<FewShotReferences.Corrections> none() {
        return List.of(FewShotReferences.Corrections.NONE, FewShotReferences.Corrections.NONE, FewShotReferences.Corrections.NONE);
    }

    @Test
    void withoutCorrectionsTheClassifierIsExactlyZeroShot() {
        FewShotReferences references = new FewShotReferences(centre(), FewShotReferences.Weights.defaults(), SCALE);
        ZeroShotClassifier learnt = references.classifier(LABELS, texts, none(), 0.2);
        ZeroShotClassifier plain = new ZeroShotClassifier(LABELS, texts, SCALE, 0.2);
        for (float[] photo : photos(1, 20)) {
            assertThat(learnt.probabilities(photo)).containsExactly(plain.probabilities(photo));
            assertThat(learnt.classify(photo)).isEqualTo(plain.classify(photo));
        }
        FewShotReferences.Reference reference = references.reference(texts[0], FewShotReferences.Corrections.NONE);
        assertThat(reference.vector()).containsExactly(texts[0]);
        assertThat(reference.bias()).isZero();
    }

    /** Jetties whose text embedding is taken for a boat's: the user moves a few to "jetty". */
    private float[][] misreadJetties() {
        float[][] misread = texts.clone();
        misread[1] = mix(0.25, axis, 0.93, textAxis, 0.25, looks[2]);
        return misread;
    }

    @Test
    void positivesPullTheirNeighboursIn() {
        float[][] misread = misreadJetties();
        FewShotReferences references = new FewShotReferences(centre(), FewShotReferences.Weights.defaults(), SCALE);
        List<float[]> jetties = photos(1, 40);
        ZeroShotClassifier before = references.classifier(LABELS, misread, none(), 0);
        assertThat(count(before, jetties, "jetty")).isLessThan(10);

        List<FewShotReferences.Corrections> taught = List.of(FewShotReferences.Corrections.NONE,
                new FewShotReferences.Corrections(photos(1, 5), List.of()), FewShotReferences.Corrections.NONE);
        ZeroShotClassifier after = references.classifier(LABELS, misread, taught, 0);
        assertThat(count(after, jetties, "jetty")).isGreaterThan(35);
        // the rest of the library is not swallowed by the category that learnt
        assertThat(count(after, photos(0, 40), "boat")).isEqualTo(count(before, photos(0, 40), "boat"));
        assertThat(count(after, photos(2, 40), "jetty")).isLessThan(5);
    }

    @Test
    void negativesPushOut() {
        FewShotReferences references = new FewShotReferences(centre(), new FewShotReferences.Weights(0.1, 1, 1), SCALE);
        List<float[]> jetties = photos(1, 40);
        ZeroShotClassifier before = references.classifier(LABELS, texts, none(), 0);
        List<FewShotReferences.Corrections> movedOut = List.of(FewShotReferences.Corrections.NONE,
                new FewShotReferences.Corrections(List.of(), photos(1, 5)), FewShotReferences.Corrections.NONE);
        ZeroShotClassifier after = references.classifier(LABELS, texts, movedOut, 0);
        for (float[] jetty : jetties) {
            assertThat(after.probabilities(jetty)[1]).isLessThan(before.probabilities(jetty)[1]);
        }
        assertThat(count(after, jetties, "jetty")).isLessThan(count(before, jetties, "jetty"));
    }

    @Test
    void theFoldedReferenceIsTheTermMeasuredFromTheCentre() {
        float[] centre = centre();
        FewShotReferences.Weights weights = new FewShotReferences.Weights(0.3, 0.2, 2);
        List<float[]> positives = photos(1, 3);
        List<float[]> negatives = photos(2, 1);
        FewShotReferences.Reference reference = new FewShotReferences(centre, weights, SCALE)
                .reference(texts[1], new FewShotReferences.Corrections(positives, negatives));
        float[] up = direction(EmbeddingCentre.of(positives), centre);
        float[] un = direction(EmbeddingCentre.of(negatives), centre);
        double wp = 0.3 * 3 / 5.0;
        double wn = 0.2 * 1 / 3.0;
        for (float[] x : photos(0, 5)) {
            float[] fromCentre = minus(x, centre);
            double expected = SCALE * (EmbeddingMath.dot(x, texts[1]) + wp * EmbeddingMath.dot(fromCentre, up)
                    - wn * EmbeddingMath.dot(fromCentre, un));
            assertThat(SCALE * EmbeddingMath.dot(x, reference.vector()) + reference.bias()).isCloseTo(expected, offset(1e-3));
        }
    }

    private static float[] minus(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int d = 0; d < a.length; d++) {
            out[d] = a[d] - b[d];
        }
        return out;
    }

    private static float[] direction(float[] mean, float[] centre) {
        return EmbeddingMath.normalized(minus(mean, centre));
    }

    private static int count(ZeroShotClassifier classifier, List<float[]> photos, String label) {
        int n = 0;
        for (float[] photo : photos) {
            n += classifier.classify(photo).name().equals(label) ? 1 : 0;
        }
        return n;
    }

    @Test
    void rejectsBadWeightsAndMismatchedLists() {
        assertThatThrownBy(() -> new FewShotReferences.Weights(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FewShotReferences.Weights(0.1, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        FewShotReferences references = new FewShotReferences(new float[0], FewShotReferences.Weights.defaults(), SCALE);
        assertThatThrownBy(() -> references.classifier(LABELS, texts, List.of(FewShotReferences.Corrections.NONE), 0))
                .isInstanceOf(IllegalArgumentException.class);
        FewShotReferences wrongCentre = new FewShotReferences(new float[3], FewShotReferences.Weights.defaults(), SCALE);
        assertThatThrownBy(() -> wrongCentre.reference(texts[0], new FewShotReferences.Corrections(photos(0, 1), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCentreIsTheMean() {
        EmbeddingCentre centre = new EmbeddingCentre();
        assertThat(centre.centre()).isEmpty();
        centre.add(new float[] {1, 0});
        centre.add(new float[] {0, 3});
        assertThat(centre.count()).isEqualTo(2);
        assertThat(centre.centre()).containsExactly(0.5f, 1.5f);
        assertThatThrownBy(() -> centre.add(new float[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
