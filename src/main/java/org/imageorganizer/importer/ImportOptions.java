package org.imageorganizer.importer;

/**
 * Tuning of the import pipeline (see BENCHMARKS.md for how the defaults were chosen).
 *
 * @param decodeWorkers    threads that hash, decode and augment
 * @param batchImages      images per model call at one view; with N views a call takes
 *                         {@link #imagesPerCall(int) batchImages / N} images, so that every call holds
 *                         about the same number of views (the int8 ONNX variant runs fastest at 8–16 views
 *                         per call and slows down at 48; fp32 PyTorch does not mind)
 * @param queueImages      images allowed in flight between the walker and the database; bounds memory
 * @param inferenceThreads threads calling the model at once, each on its own batch
 * @param adaptiveTta      run the extra TTA views only for images whose labels are uncertain after the first view
 */
public record ImportOptions(int decodeWorkers, int batchImages, int queueImages, int inferenceThreads, boolean adaptiveTta) {
    public ImportOptions {
        if (decodeWorkers < 1 || batchImages < 1 || inferenceThreads < 1 || queueImages < batchImages * inferenceThreads) {
            throw new IllegalArgumentException("invalid import options: workers " + decodeWorkers + ", batch "
                    + batchImages + ", queue " + queueImages + ", inference threads " + inferenceThreads);
        }
    }

    /** One inference thread, full TTA. */
    public ImportOptions(int decodeWorkers, int batchImages, int queueImages) {
        this(decodeWorkers, batchImages, queueImages, 1, false);
    }

    /**
     * Two model callers (each running the model single-threaded, see {@code NativeLibraries}) and one
     * decode worker per core: measured best on 2 cores.
     */
    public static ImportOptions defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        int inference = cores >= 2 ? 2 : 1;
        return new ImportOptions(Math.max(1, cores), 16, 36, inference, false);
    }

    /** Images per model call with {@code views} views each: {@code batchImages / views}, rounded, at least 1. */
    public int imagesPerCall(int views) {
        return Math.max(1, Math.round(batchImages / (float) Math.max(1, views)));
    }

    public ImportOptions withAdaptiveTta(boolean adaptive) {
        return new ImportOptions(decodeWorkers, batchImages, queueImages, inferenceThreads, adaptive);
    }

    public ImportOptions withInferenceThreads(int threads) {
        return new ImportOptions(decodeWorkers, batchImages, Math.max(queueImages, batchImages * threads), threads, adaptiveTta);
    }

    public ImportOptions withDecodeWorkers(int workers) {
        return new ImportOptions(workers, batchImages, queueImages, inferenceThreads, adaptiveTta);
    }

    public ImportOptions withBatchImages(int batch) {
        return new ImportOptions(decodeWorkers, batch, Math.max(queueImages, batch * inferenceThreads), inferenceThreads, adaptiveTta);
    }
}
