package org.imageorganizer.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;
import org.imageorganizer.model.RgbImage;

/**
 * Turns decoded images into CLIP embeddings averaged over test-time augmentation views.
 * Work is split in two so the cheap part can run on many threads and the model on one:
 * {@link #prepare} (resize, crop, augment, normalise; any thread) and {@link #embed}
 * (one model call for all views of a batch of images).
 */
public final class ImageEmbedder {
    private final ClipModel model;
    private final ClipPreprocessor preprocessor;
    private final TestTimeAugmenter augmenter;
    private final BlockingQueue<float[]> spare = new ArrayBlockingQueue<>(SPARE_TENSORS);
    private final ThreadLocal<float[]> batchBuffer = new ThreadLocal<>();
    private static final int SPARE_TENSORS = 40;

    public ImageEmbedder(ClipModel model, TestTimeAugmenter augmenter) {
        this.model = model;
        this.preprocessor = ClipPreprocessor.forManifest(model.manifest());
        this.augmenter = augmenter;
    }

    /** Number of views per image (1 when augmentation is off). */
    public int views() {
        return augmenter.views();
    }

    /**
     * The model input for one image: all its views, normalised, channel-first, one after the other.
     *
     * @param sha256 the file's content hash, which seeds the augmentation
     */
    public float[] prepare(RgbImage image, String sha256) {
        RgbImage crop = preprocessor.resizeAndCrop(image);
        List<RgbImage> views = augmenter.augment(crop, TestTimeAugmenter.seedFromHash(sha256));
        int per = preprocessor.floatsPerImage();
        float[] tensor = spare.poll();
        if (tensor == null) {
            tensor = new float[per * views.size()];
        }
        for (int v = 0; v < views.size(); v++) {
            preprocessor.normalizeInto(views.get(v), tensor, v * per);
        }
        return tensor;
    }

    /**
     * Hands back model inputs that are no longer needed, so that {@link #prepare} can reuse them: an
     * import would otherwise allocate a megabyte or two per photo, and the JVM grows its heap to match.
     */
    public void recycle(float[] tensor) {
        if (tensor != null && tensor.length == preprocessor.floatsPerImage() * augmenter.views()) {
            spare.offer(tensor);
        }
    }

    /** L2-normalised mean embedding of each image's views; all images go through the model in one batch. */
    public float[][] embed(List<float[]> prepared) {
        int views = augmenter.views();
        float[][][] perView = viewEmbeddings(prepared, indexes(prepared.size()), 0, views);
        float[][] out = new float[prepared.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = EmbeddingMath.normalized(EmbeddingMath.mean(perView[i], 0, views));
        }
        return out;
    }

    /**
     * Adaptive test-time augmentation: every image's original view first; the other views only for
     * the images {@code uncertain} picks out from their first-view embedding (a second model call).
     */
    public float[][] embedAdaptive(List<float[]> prepared, Predicate<float[]> uncertain) {
        int views = augmenter.views();
        float[][][] first = viewEmbeddings(prepared, indexes(prepared.size()), 0, 1);
        float[][] out = new float[prepared.size()][];
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = first[i][0];
            if (views > 1 && uncertain.test(out[i])) {
                again.add(i);
            }
        }
        if (!again.isEmpty()) {
            float[][][] rest = viewEmbeddings(prepared, again, 1, views - 1);
            for (int k = 0; k < again.size(); k++) {
                float[][] all = new float[views][];
                all[0] = first[again.get(k)][0];
                System.arraycopy(rest[k], 0, all, 1, views - 1);
                out[again.get(k)] = EmbeddingMath.normalized(EmbeddingMath.mean(all, 0, views));
            }
        }
        return out;
    }

    /** Normalised embeddings of views {@code from .. from+count-1} of the chosen images, in one model call. */
    private float[][][] viewEmbeddings(List<float[]> prepared, List<Integer> chosen, int from, int count) {
        int per = preprocessor.floatsPerImage();
        int views = augmenter.views();
        int length = per * count * chosen.size();
        float[] batch = batchBuffer.get();
        if (batch == null || batch.length < length) {
            batch = new float[length];
            batchBuffer.set(batch); // one per model-calling thread, reused for every batch
        }
        for (int k = 0; k < chosen.size(); k++) {
            float[] p = prepared.get(chosen.get(k));
            if (p.length != per * views) {
                throw new IllegalArgumentException("prepared image " + chosen.get(k) + " has " + p.length
                        + " values, expected " + per * views);
            }
            System.arraycopy(p, from * per, batch, k * count * per, count * per);
        }
        float[][] raw = model.embedImages(batch, chosen.size() * count);
        float[][][] out = new float[chosen.size()][count][];
        for (int k = 0; k < chosen.size(); k++) {
            for (int v = 0; v < count; v++) {
                out[k][v] = EmbeddingMath.normalized(raw[k * count + v]);
            }
        }
        return out;
    }

    private static List<Integer> indexes(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    public ModelManifest manifest() {
        return model.manifest();
    }
}
