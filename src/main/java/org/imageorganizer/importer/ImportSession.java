package org.imageorganizer.importer;

/**
 * An import pipeline together with the model it loads when a file needs it; closing it frees the
 * model's native memory, if it was loaded.
 */
public final class ImportSession implements AutoCloseable {
    private final ModelOnDemand model;
    private final ImportPipeline pipeline;

    public ImportSession(ModelOnDemand model, ImportPipeline pipeline) {
        this.model = model;
        this.pipeline = pipeline;
    }

    public ImportPipeline pipeline() {
        return pipeline;
    }

    /** Whether an import of this session needed the model (for tests and benchmarks: an import of known files does not). */
    public boolean modelRequested() {
        return model.requested();
    }

    @Override
    public void close() {
        model.close();
    }
}
