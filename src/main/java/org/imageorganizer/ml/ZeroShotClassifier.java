package org.imageorganizer.ml;

import java.util.List;
import org.imageorganizer.model.Label;

/**
 * Zero-shot classification: the softmax over CLIP-scaled cosine similarities between an image
 * embedding and one text embedding per label. Below the confidence threshold the image gets
 * {@link Label#OTHER} (with the best label's confidence) rather than a confident wrong label.
 *
 * <p>A label's reference may also be one that {@link FewShotReferences} learnt from the user's
 * corrections: then it comes with a bias added to its logit, and need not be of unit length. The
 * cost per image is the same either way: one dot product and one addition per label.
 */
public final class ZeroShotClassifier {
    private final List<String> labels;
    private final float[][] references;
    private final double[] biases;
    private final double logitScale;
    private final double threshold;

    /**
     * @param labels          label names
     * @param labelEmbeddings one L2-normalised text embedding per label
     * @param logitScale      CLIP's temperature (100 for the OpenAI models)
     * @param threshold       minimum softmax probability to accept the best label, in [0, 1)
     */
    public ZeroShotClassifier(List<String> labels, float[][] labelEmbeddings, double logitScale, double threshold) {
        this(labels, labelEmbeddings, new double[labelEmbeddings.length], logitScale, threshold);
    }

    /**
     * @param labels     label names
     * @param references one reference per label: the text embedding, or a learnt one ({@link FewShotReferences})
     * @param biases     one number per label added to its logit (after the scale); zeros give plain zero-shot
     * @param logitScale CLIP's temperature (100 for the OpenAI models)
     * @param threshold  minimum softmax probability to accept the best label, in [0, 1)
     */
    public ZeroShotClassifier(List<String> labels, float[][] references, double[] biases, double logitScale,
            double threshold) {
        if (labels.isEmpty() || labels.size() != references.length || biases.length != references.length) {
            throw new IllegalArgumentException("need one embedding per label, got " + labels.size() + " labels and "
                    + references.length + " embeddings and " + biases.length + " biases");
        }
        if (threshold < 0 || threshold >= 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
        }
        this.labels = List.copyOf(labels);
        this.references = references.clone();
        this.biases = biases.clone();
        this.logitScale = logitScale;
        this.threshold = threshold;
    }

    /** Softmax probabilities, one per label, for an L2-normalised image embedding. */
    public double[] probabilities(float[] imageEmbedding) {
        double[] logits = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = logitScale * EmbeddingMath.dot(imageEmbedding, references[i]) + biases[i];
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.exp(logits[i] - max);
            sum += logits[i];
        }
        for (int i = 0; i < logits.length; i++) {
            logits[i] /= sum;
        }
        return logits;
    }

    /** Probability of the most likely label minus that of the second. */
    public double margin(float[] imageEmbedding) {
        double[] p = probabilities(imageEmbedding);
        double best = 0;
        double second = 0;
        for (double v : p) {
            if (v > best) {
                second = best;
                best = v;
            } else if (v > second) {
                second = v;
            }
        }
        return best - second;
    }

    /** The best label and its probability, or "other" when that probability is below the threshold. */
    public Label classify(float[] imageEmbedding) {
        double[] p = probabilities(imageEmbedding);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        String name = p[best] >= threshold ? labels.get(best) : Label.OTHER;
        return new Label(name, p[best]);
    }

    public List<String> labels() {
        return labels;
    }
}
