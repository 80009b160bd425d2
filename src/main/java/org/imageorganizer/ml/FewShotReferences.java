package org.imageorganizer.ml;

import java.util.List;

/**
 * Category references learnt from the user's corrections (few-shot), for {@link ZeroShotClassifier}.
 *
 * <p>A category's logit for an image {@code x} is its zero-shot logit plus, when the user put photos in
 * the category (positives) or moved photos out of it (negatives), a term for each:
 * <pre>
 *   s·x·t  +  s·wP·(x − μ)·uP  −  s·wN·(x − μ)·uN
 *   uP = normalised(mean(positives) − μ),  wP = positive · n / (n + priorCount)   (n positives)
 *   uN = normalised(mean(negatives) − μ),  wN = negative · m / (m + priorCount)   (m negatives)
 * </pre>
 * where {@code s} is CLIP's logit scale, {@code t} the text embedding and {@code μ} the centre of the
 * library's image embeddings ({@link EmbeddingCentre}). Measuring from the centre matters: CLIP's image
 * embeddings sit in a narrow cone (unrelated photos have cosines of about 0.5 with each other, a photo
 * and its right label about 0.3), so an uncentred mean of photos would out-score every text embedding
 * and swallow the whole library. The term is linear in {@code x}, so it folds into one reference vector
 * ({@code t + wP·uP − wN·uN}) and one bias per category: classifying costs what zero-shot costs. The
 * weights were chosen by the {@code learning} bench (ADR 0044). A category without corrections gets
 * exactly its text embedding and no bias, so with no corrections the classifier is today's.
 */
public final class FewShotReferences {
    /**
     * How much corrections count.
     *
     * @param positive   weight of the positives' direction once there are many, relative to the text embedding
     * @param negative   the same for the negatives
     * @param priorCount how many corrections make half that weight (a few corrections count less than many)
     */
    public record Weights(double positive, double negative, double priorCount) {
        public Weights {
            if (!(positive >= 0) || !(negative >= 0) || !(priorCount >= 0)) {
                throw new IllegalArgumentException("weights must be at least 0: " + positive + ", " + negative + ", " + priorCount);
            }
        }

        /** The weights chosen by measurement (ADR 0044). */
        public static Weights defaults() {
            return new Weights(0.3, 0.03, 3);
        }
    }

    /** What the user taught one category: the embeddings of the photos put in it and of those moved out of it. */
    public record Corrections(List<float[]> positives, List<float[]> negatives) {
        public static final Corrections NONE = new Corrections(List.of(), List.of());

        public Corrections {
            positives = List.copyOf(positives);
            negatives = List.copyOf(negatives);
        }

        public boolean isEmpty() {
            return positives.isEmpty() && negatives.isEmpty();
        }
    }

    /** One category's reference: the vector an image embedding is compared with and the bias added to that logit. */
    public record Reference(float[] vector, double bias) {
    }

    private final float[] centre;
    private final Weights weights;
    private final double logitScale;

    /**
     * @param centre     the mean of the library's image embeddings ({@link EmbeddingCentre}); an empty array
     *                   or zeros measure from the origin (not recommended, see the class comment)
     * @param weights    how much corrections count ({@link Weights#defaults()})
     * @param logitScale CLIP's temperature, the classifier's
     */
    public FewShotReferences(float[] centre, Weights weights, double logitScale) {
        this.centre = centre.clone();
        this.weights = weights;
        this.logitScale = logitScale;
    }

    /** The reference of a category with this L2-normalised text embedding and these corrections. */
    public Reference reference(float[] text, Corrections corrections) {
        if (corrections.isEmpty()) {
            return new Reference(text, 0);
        }
        float[] vector = text.clone();
        double shift = addDirection(vector, corrections.positives(), weights.positive())
                + addDirection(vector, corrections.negatives(), -weights.negative());
        return new Reference(vector, -shift * logitScale);
    }

    /**
     * A zero-shot classifier on learnt references.
     *
     * @param labels      the categories' names
     * @param texts       their L2-normalised text embeddings, in the same order
     * @param corrections their corrections, in the same order ({@link Corrections#NONE} for none)
     * @param threshold   minimum probability to accept the best category, else "other"
     */
    public ZeroShotClassifier classifier(List<String> labels, float[][] texts, List<Corrections> corrections,
            double threshold) {
        if (texts.length != labels.size() || corrections.size() != labels.size()) {
            throw new IllegalArgumentException("need one text embedding and one set of corrections per label");
        }
        float[][] vectors = new float[texts.length][];
        double[] biases = new double[texts.length];
        for (int i = 0; i < texts.length; i++) {
            Reference reference = reference(texts[i], corrections.get(i));
            vectors[i] = reference.vector();
            biases[i] = reference.bias();
        }
        return new ZeroShotClassifier(labels, vectors, biases, logitScale, threshold);
    }

    /**
     * Adds {@code w·u} to {@code vector}, u the normalised direction from the centre to the photos' mean and
     * w the signed weight shrunk by their count; returns {@code w·(μ·u)}, which the bias takes away.
     */
    private double addDirection(float[] vector, List<float[]> photos, double weight) {
        if (photos.isEmpty() || weight == 0) {
            return 0;
        }
        float[] mean = EmbeddingMath.mean(photos.toArray(float[][]::new), 0, photos.size());
        if (centre.length > 0) {
            if (centre.length != mean.length) {
                throw new IllegalArgumentException("the centre has " + centre.length + " values, the photos " + mean.length);
            }
            for (int d = 0; d < mean.length; d++) {
                mean[d] -= centre[d];
            }
        }
        float[] direction = EmbeddingMath.normalized(mean);
        double w = weight * photos.size() / (photos.size() + weights.priorCount());
        for (int d = 0; d < vector.length; d++) {
            vector[d] += (float) (w * direction[d]);
        }
        return centre.length == 0 ? 0 : w * EmbeddingMath.dot(centre, direction);
    }
}
