package org.imageorganizer.importer;

/**
 * Tuning of the import pipeline.
 *
 * @param decodeWorkers threads that hash, decode and augment (default: number of cores)
 * @param batchImages   images per model call (each contributes all its views)
 * @param queueImages   prepared images allowed to wait for the model; bounds memory
 */
public record ImportOptions(int decodeWorkers, int batchImages, int queueImages) {
    public ImportOptions {
        if (decodeWorkers < 1 || batchImages < 1 || queueImages < batchImages) {
            throw new IllegalArgumentException("invalid import options: workers " + decodeWorkers
                    + ", batch " + batchImages + ", queue " + queueImages);
        }
    }

    public static ImportOptions defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ImportOptions(Math.max(1, cores), 8, 32);
    }
}
