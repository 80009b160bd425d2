package org.imageorganizer.imaging;

/**
 * Loads the OpenCV native library bundled in the {@code org.openpnp:opencv} jar, once per JVM.
 * Safe to call from any thread, any number of times.
 */
public final class OpenCvNatives {
    private static final Object LOCK = new Object();
    private static volatile boolean loaded;

    private OpenCvNatives() {
    }

    /**
     * Makes sure the OpenCV natives are loaded.
     *
     * @throws IllegalStateException when the bundled library cannot be loaded on this platform; a failed load is
     *                               retried on the next call
     */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (LOCK) {
            if (loaded) {
                return;
            }
            try {
                nu.pattern.OpenCV.loadLocally();
                org.opencv.core.Core.getVersionString(); // fails here if the library did not really load
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("could not load the OpenCV native library bundled for "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                        + " (" + e + "); image decoding is unavailable", e);
            }
            loaded = true;
        }
    }
}
