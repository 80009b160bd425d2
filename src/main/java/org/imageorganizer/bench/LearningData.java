package org.imageorganizer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Photos' embeddings with their true categories and the categories' text embeddings, for the learning bench.
 *
 * @param photos L2-normalised image embeddings
 * @param truth  each photo's true category (an index into {@code names})
 * @param texts  one L2-normalised text embedding per category
 * @param names  the categories' names
 */
record LearningData(float[][] photos, int[] truth, float[][] texts, List<String> names) {
    static final int DIMENSIONS = 512;
    private static final int KINDS = 3;
    private static final int SCENES = 6;
    /** Categories come in families of three that share part of their look (dog, cat, horse). */
    private static final int FAMILY = 3;
    /** The share of photos that look like a random category rather than their own (a small dog on a sofa). */
    private static final double AMBIGUOUS = 0.15;

    /**
     * Synthetic embeddings shaped like CLIP's: every photo sits in a shared cone (mean cosine 0.55
     * between photos of different categories, 0.62 within one) and is made of its category (shown more or less
     * strongly), one of three kinds of that category, and one of six scenes that all categories share, so that
     * a photo can look more like another category's photo in the same scene than like its own elsewhere.
     * Categories come in families of three that share part of their look, and 15 % of the photos look like a
     * random category instead of their own. The text embeddings sit in a cone of their own (mean cosine 0.22
     * with the photos of other categories, 0.26 with their own), and each leans towards a wrong category by a
     * random angle, so zero-shot classification gets about half of the photos right and makes the mistakes a
     * user would correct.
     */
    static LearningData synthetic(int categories, int photosPerCategory, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] imageAxis = randomUnit(random);
        float[] textAxis = randomUnit(random);
        float[][] directions = new float[categories][];
        float[][][] kinds = new float[categories][KINDS][];
        float[][] families = new float[(categories + FAMILY - 1) / FAMILY][];
        for (int f = 0; f < families.length; f++) {
            families[f] = randomUnit(random);
        }
        for (int c = 0; c < categories; c++) {
            directions[c] = unit(sum(new double[] {0.6, 0.8}, families[c / FAMILY], randomUnit(random)));
            for (int k = 0; k < KINDS; k++) {
                kinds[c][k] = randomUnit(random);
            }
        }
        float[][] scenes = new float[SCENES][];
        for (int s = 0; s < SCENES; s++) {
            scenes[s] = randomUnit(random);
        }
        float[][] photos = new float[categories * photosPerCategory][];
        int[] truth = new int[photos.length];
        for (int i = 0; i < photos.length; i++) {
            int c = i % categories;
            truth[i] = c;
            double shown = 0.02 + 0.18 * random.nextDouble();
            int looksLike = random.nextDouble() < AMBIGUOUS ? random.nextInt(categories) : c;
            photos[i] = unit(sum(new double[] {Math.sqrt(0.5), Math.sqrt(shown), Math.sqrt(0.05), Math.sqrt(0.3 - shown), Math.sqrt(0.15)},
                    imageAxis, directions[looksLike], kinds[looksLike][random.nextInt(KINDS)], scenes[random.nextInt(SCENES)],
                    randomUnit(random)));
        }
        float[][] texts = new float[categories][];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            int other = (c + 1 + random.nextInt(categories - 1)) % categories;
            float[] error = unit(sum(new double[] {1, 0.5}, directions[other], randomUnit(random)));
            double angle = Math.toRadians(30 + 35 * random.nextDouble());
            double own = 0.35 * Math.cos(angle);
            double wrong = 0.35 * Math.sin(angle);
            texts[c] = unit(sum(new double[] {0.255, 0.9, own, wrong}, imageAxis, textAxis, directions[c], error));
            names.add("category " + (c + 1));
        }
        return new LearningData(photos, truth, texts, names);
    }

    private static float[] randomUnit(SplittableRandom random) {
        float[] v = new float[DIMENSIONS];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) gaussian(random);
        }
        return unit(v);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static float[] sum(double[] weights, float[]... vectors) {
        float[] out = new float[vectors[0].length];
        for (int k = 0; k < vectors.length; k++) {
            for (int d = 0; d < out.length; d++) {
                out[d] += (float) (weights[k] * vectors[k][d]);
            }
        }
        return out;
    }

    private static float[] unit(float[] v) {
        return org.imageorganizer.ml.EmbeddingMath.normalized(v);
    }
}
