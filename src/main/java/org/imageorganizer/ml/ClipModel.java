package org.imageorganizer.ml;

import java.util.List;

/**
 * A CLIP model: one embedding space for images and texts. Implementations hold native memory,
 * so they are closed when done. Calls may come from several threads.
 */
public interface ClipModel extends AutoCloseable {

    /** The manifest of the folder the model was loaded from. */
    ModelManifest manifest();

    /**
     * Image embeddings for a batch of preprocessed images.
     *
     * @param pixels at least {@code count * 3 * size * size} floats (the rest is ignored), channel-first, already normalised
     * @param count  number of images in the batch
     * @return {@code count} raw (not normalised) embeddings
     */
    float[][] embedImages(float[] pixels, int count);

    /** Raw (not normalised) text embeddings, one per text, in order. */
    float[][] embedTexts(List<String> texts);

    @Override
    void close();
}
