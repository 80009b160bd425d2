package org.imageorganizer.imaging;

/** Loads OpenCV's bundled native library once. */
public final class OpenCvNatives {
    private static volatile boolean loaded;

    private OpenCvNatives() {
    }

    /** Loads the natives if not yet loaded; safe to call from any thread, any number of times. */
    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (OpenCvNatives.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
