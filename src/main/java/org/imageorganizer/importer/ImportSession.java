package org.imageorganizer.importer;

import org.imageorganizer.ml.ClipModel;

/** An import pipeline together with the model it holds; closing it frees the model's native memory. */
public final class ImportSession implements AutoCloseable {
    private final ClipModel model;
    private final ImportPipeline pipeline;

    public ImportSession(ClipModel model, ImportPipeline pipeline) {
        this.model = model;
        this.pipeline = pipeline;
    }

    public ImportPipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        model.close();
    }
}
