package org.imageorganizer.app;

import org.imageorganizer.config.Environment;
import org.imageorganizer.importer.ImportOptions;

/**
 * DJL unpacks the bundled PyTorch and tokenizer libraries into a cache folder; keep that in our
 * own cache folder and never let DJL download anything (the natives ship in the installer).
 */
final class NativeLibraries {
    private NativeLibraries() {
    }

    static void configure(Environment environment) {
        setIfAbsent("DJL_CACHE_DIR", environment.nativeLibraryCacheDir().toString());
        setIfAbsent("ENGINE_CACHE_DIR", environment.nativeLibraryCacheDir().toString());
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        // Several import threads call the model at once, each on its own batch; one intra-op thread
        // per caller avoids OpenMP threads spinning against the decode workers (see BENCHMARKS.md).
        int cores = Runtime.getRuntime().availableProcessors();
        int callers = ImportOptions.defaults().inferenceThreads();
        setIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(Math.max(1, cores / callers)));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
