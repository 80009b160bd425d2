package org.imageorganizer.app;

import org.imageorganizer.config.Environment;

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
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
