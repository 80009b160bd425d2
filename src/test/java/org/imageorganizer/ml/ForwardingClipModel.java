package org.imageorganizer.ml;

import java.util.List;

/** A model that hands every call to another; tests override what they watch or change (closing, say). */
public class ForwardingClipModel implements ClipModel {
    private final ClipModel model;

    public ForwardingClipModel(ClipModel model) {
        this.model = model;
    }

    @Override
    public ModelManifest manifest() {
        return model.manifest();
    }

    @Override
    public float[][] embedImages(float[] pixels, int count) {
        return model.embedImages(pixels, count);
    }

    @Override
    public float[][] embedTexts(List<String> texts) {
        return model.embedTexts(texts);
    }

    @Override
    public void close() {
        model.close();
    }
}
