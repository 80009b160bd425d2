package org.imageorganizer.ml;

import java.util.List;
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
        float[] tensor = new float[per * views.size()];
        for (int v = 0; v < views.size(); v++) {
            preprocessor.normalizeInto(views.get(v), tensor, v * per);
        }
        return tensor;
    }

    /** L2-normalised mean embedding of each image's views; all images go through the model in one batch. */
    public float[][] embed(List<float[]> prepared) {
        int per = preprocessor.floatsPerImage() * augmenter.views();
        float[] batch = new float[per * prepared.size()];
        for (int i = 0; i < prepared.size(); i++) {
            float[] p = prepared.get(i);
            if (p.length != per) {
                throw new IllegalArgumentException("prepared image " + i + " has " + p.length + " values, expected " + per);
            }
            System.arraycopy(p, 0, batch, i * per, per);
        }
        int views = augmenter.views();
        float[][] raw = model.embedImages(batch, prepared.size() * views);
        float[][] out = new float[prepared.size()][];
        for (int i = 0; i < prepared.size(); i++) {
            float[][] viewEmbeddings = new float[views][];
            for (int v = 0; v < views; v++) {
                viewEmbeddings[v] = Vectors.normalized(raw[i * views + v]);
            }
            out[i] = Vectors.normalized(Vectors.mean(viewEmbeddings, 0, views));
        }
        return out;
    }

    public ModelManifest manifest() {
        return model.manifest();
    }
}
