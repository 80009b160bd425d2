package org.imageorganizer.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.imageorganizer.ml.EmbeddingCentre;
import org.imageorganizer.ml.FewShotReferences;
import org.imageorganizer.ml.ZeroShotClassifier;

/**
 * Learning from corrections (issue 18): how the agreement with the true categories changes as a user
 * corrects 0, 1, 5 and 20 photos per category. In each round the user fixes, in every category, one
 * photo of that category the classifier currently gets wrong (chosen at random): it becomes a positive
 * of its true category and a negative of the one it was in; the references are learnt again
 * ({@link FewShotReferences}) and the next round sees the new labels. Agreement is counted on the
 * photos not corrected, with no "other" threshold (every photo gets its best category).
 */
final class LearningBench {
    static final int[] BUDGETS = {0, 1, 5, 20};
    private static final double LOGIT_SCALE = 100;
    /** Keeps the timed classifications from being optimised away. */
    private static volatile int sink;

    /** One method's agreement after each budget, over one or more runs (seeds). */
    record Row(String data, String method, int runs, int photos, double[] corrections, double[] mean, double[] min,
            double[] max) {
    }

    /** A way to learn: the weights, and whether directions are measured from the library's centre. */
    record Method(String name, FewShotReferences.Weights weights, boolean centred) {
    }

    /** The chosen method and, for comparison, the same measured from the origin instead of the library's centre. */
    static List<Method> methods(FewShotReferences.Weights weights) {
        return List.of(new Method("centred (the product's)", weights, true),
                new Method("not centred", weights, false));
    }

    /** Agreement after each budget and the corrections made by then, for one data set, method and seed. */
    static double[][] simulate(LearningData data, Method method, long seed) {
        int categories = data.names().size();
        float[] centre = method.centred() ? EmbeddingCentre.of(Arrays.asList(data.photos())) : new float[0];
        FewShotReferences references = new FewShotReferences(centre, method.weights(), LOGIT_SCALE);
        List<List<float[]>> positives = new ArrayList<>();
        List<List<float[]>> negatives = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            positives.add(new ArrayList<>());
            negatives.add(new ArrayList<>());
        }
        boolean[] corrected = new boolean[data.photos().length];
        SplittableRandom random = new SplittableRandom(seed);
        double[] agreement = new double[BUDGETS.length];
        double[] made = new double[BUDGETS.length];
        int corrections = 0;
        int rounds = BUDGETS[BUDGETS.length - 1];
        for (int round = 0, b = 0; round <= rounds; round++) {
            ZeroShotClassifier classifier = references.classifier(data.names(), data.texts(), corrections(positives, negatives), 0);
            int[] predicted = predict(classifier, data.photos());
            if (round == BUDGETS[b]) {
                agreement[b] = agreement(predicted, data.truth(), corrected);
                made[b] = corrections;
                b++;
            }
            if (round == rounds) {
                break;
            }
            for (int c = 0; c < categories; c++) {
                List<Integer> wrong = new ArrayList<>();
                for (int i = 0; i < predicted.length; i++) {
                    if (!corrected[i] && data.truth()[i] == c && predicted[i] != c) {
                        wrong.add(i);
                    }
                }
                if (!wrong.isEmpty()) {
                    int i = wrong.get(random.nextInt(wrong.size()));
                    corrected[i] = true;
                    positives.get(c).add(data.photos()[i]);
                    negatives.get(predicted[i]).add(data.photos()[i]);
                    corrections++;
                }
            }
        }
        return new double[][] {agreement, made};
    }

    private static List<FewShotReferences.Corrections> corrections(List<List<float[]>> positives, List<List<float[]>> negatives) {
        List<FewShotReferences.Corrections> out = new ArrayList<>();
        for (int c = 0; c < positives.size(); c++) {
            out.add(new FewShotReferences.Corrections(positives.get(c), negatives.get(c)));
        }
        return out;
    }

    static int[] predict(ZeroShotClassifier classifier, float[][] photos) {
        int[] out = new int[photos.length];
        for (int i = 0; i < photos.length; i++) {
            double[] p = classifier.probabilities(photos[i]);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    private static double agreement(int[] predicted, int[] truth, boolean[] corrected) {
        int right = 0;
        int counted = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (!corrected[i]) {
                counted++;
                right += predicted[i] == truth[i] ? 1 : 0;
            }
        }
        return counted == 0 ? Double.NaN : (double) right / counted;
    }

    /** The runs of one method on several data sets (one per seed), summarised. */
    static Row summarise(String dataName, Method method, List<LearningData> sets, long seed) {
        int n = BUDGETS.length;
        double[] corrections = new double[n];
        double[] mean = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int s = 0; s < sets.size(); s++) {
            double[][] run = simulate(sets.get(s), method, seed + s);
            for (int b = 0; b < n; b++) {
                mean[b] += run[0][b] / sets.size();
                corrections[b] += run[1][b] / sets.size();
                min[b] = Math.min(min[b], run[0][b]);
                max[b] = Math.max(max[b], run[0][b]);
            }
        }
        return new Row(dataName, method.name(), sets.size(), sets.get(0).photos().length, corrections, mean, min, max);
    }

    /**
     * Milliseconds to classify {@code count} synthetic embeddings into {@code categories} with plain zero-shot
     * references and with learnt ones (20 corrections each): { zero-shot, learnt }, the best of three.
     */
    static double[] classifyMillis(int count, int categories) {
        LearningData data = LearningData.synthetic(categories, Math.max(1, count / categories), 99);
        FewShotReferences references = new FewShotReferences(EmbeddingCentre.of(Arrays.asList(data.photos())),
                FewShotReferences.Weights.defaults(), LOGIT_SCALE);
        List<FewShotReferences.Corrections> none = new ArrayList<>();
        List<FewShotReferences.Corrections> taught = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            none.add(FewShotReferences.Corrections.NONE);
            List<float[]> some = Arrays.asList(data.photos()).subList(c * 20, c * 20 + 20);
            taught.add(new FewShotReferences.Corrections(some, some.subList(0, 5)));
        }
        ZeroShotClassifier plain = references.classifier(data.names(), data.texts(), none, 0.2);
        ZeroShotClassifier learnt = references.classifier(data.names(), data.texts(), taught, 0.2);
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int repeat = 0; repeat < 3; repeat++) {
            int k = 0;
            for (ZeroShotClassifier classifier : List.of(plain, learnt)) {
                Stopwatch watch = new Stopwatch();
                int others = 0;
                for (float[] photo : data.photos()) {
                    others += classifier.classify(photo).name().equals("other") ? 1 : 0;
                }
                best[k] = Math.min(best[k], watch.seconds() * 1000);
                sink = others;
                k++;
            }
        }
        return best;
    }

    static void print(PrintWriter out, List<Row> rows, FewShotReferences.Weights weights, double[] millis, int count,
            int categories) {
        out.println();
        out.printf(Locale.ROOT, "## Learning from corrections (weights: positive %.3f, negative %.3f, prior count %.1f)%n",
                weights.positive(), weights.negative(), weights.priorCount());
        out.println();
        out.println("Agreement with the true categories on the photos not corrected, mean (min–max) over the runs;"
                + " corrections per category: 0 / 1 / 5 / 20 (fewer when no photo of a category was left wrong).");
        out.println();
        out.println("| data | method | runs | photos | 0 | 1 | 5 | 20 | corrections made at 1 / 5 / 20 |");
        out.println("|---|---|---:|---:|---|---|---|---|---|");
        for (Row r : rows) {
            StringBuilder cells = new StringBuilder();
            for (int b = 0; b < BUDGETS.length; b++) {
                cells.append(String.format(Locale.ROOT, " %.1f %% (%.1f–%.1f) |", 100 * r.mean()[b], 100 * r.min()[b],
                        100 * r.max()[b]));
            }
            out.printf(Locale.ROOT, "| %s | %s | %d | %,d |%s %.0f / %.0f / %.0f |%n", r.data(), r.method(), r.runs(),
                    r.photos(), cells, r.corrections()[1], r.corrections()[2], r.corrections()[3]);
        }
        if (millis != null) {
            out.println();
            out.printf(Locale.ROOT, "Classifying %,d embeddings into %d categories: %.1f ms zero-shot, %.1f ms with learnt"
                    + " references (best of 3).%n", count, categories, millis[0], millis[1]);
        }
        out.flush();
    }
}
