package org.imageorganizer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.imageorganizer.config.Environment;
import org.imageorganizer.imaging.OpenCvNatives;
import org.imageorganizer.importer.ImportOptions;

/**
 * DJL unpacks the bundled PyTorch and tokenizer libraries into a cache folder; keep that in our
 * own per-user cache folder, shared by every data folder (IMAGE_ORGANIZER_HOME) since DJL keeps
 * one sub-folder per library and version, and never let DJL download anything (the natives ship
 * in the installer). OpenCV's library is kept there too ({@link OpenCvNatives#cacheIn}). What is
 * already set (the installers' launchers point PyTorch at their own
 * copy; a user's {@code -D} or environment variable) is left as it is.
 *
 * <p>On a machine without an NVIDIA driver, DJL's CUDA probe is switched off before DJL first
 * runs it (see {@link #skipGpuProbe()}): it would load the CUDA runtime where a toolkit is
 * installed, and log "Failed to detect GPU count" at every start.
 */
final class NativeLibraries {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NativeLibraries.class);
    /** DJL's switch: probe CUDA in a child JVM; while it is set, DJL does not load the CUDA runtime itself. */
    static final String CUDA_FORK = "ai.djl.util.cuda.fork";
    private static final String CUDA_UTILS = "ai.djl.util.cuda.CudaUtils";

    private NativeLibraries() {
    }

    static void configure(Environment environment) {
        Path cache = usableCacheDir(environment);
        String cacheDir = cache.toString();
        OpenCvNatives.cacheIn(cache.resolve("opencv"));
        setIfAbsent("DJL_CACHE_DIR", cacheDir);
        setIfAbsent("ENGINE_CACHE_DIR", cacheDir);
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        // Several import threads call the model at once, each on its own batch; one intra-op thread
        // per caller avoids OpenMP threads spinning against the decode workers (see BENCHMARKS.md).
        int cores = Runtime.getRuntime().availableProcessors();
        int callers = ImportOptions.defaults().inferenceThreads();
        setIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(Math.max(1, cores / callers)));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        if (!gpuDriverPresent(System.getProperty("os.name", ""), System.getenv(), Files::exists)) {
            skipGpuProbe();
        }
    }

    /**
     * The shared native-library cache, or this data folder's own cache when the shared one cannot
     * be written (a service account without a home folder).
     */
    static Path usableCacheDir(Environment environment) {
        Path shared = environment.nativeLibraryCacheDir();
        try {
            Files.createDirectories(shared);
            if (Files.isWritable(shared)) {
                return shared;
            }
        } catch (IOException | SecurityException e) {
            LOG.info("Cannot use {} for the native libraries ({}); using the data folder's cache.", shared, e.toString());
        }
        return environment.cacheDir().resolve("native");
    }

    /**
     * Whether an NVIDIA driver may be installed, so that DJL's CUDA probe could find a GPU: on Linux
     * its device node or its /proc entry, on Windows its nvcuda.dll. DJL has no CUDA on macOS. On any
     * other system, yes (DJL decides).
     */
    static boolean gpuDriverPresent(String osName, Map<String, String> env, Predicate<Path> exists) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return exists.test(Path.of("/dev/nvidiactl")) || exists.test(Path.of("/proc/driver/nvidia"));
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return false;
        }
        if (os.startsWith("windows")) {
            String root = env.getOrDefault("SystemRoot", "C:\\Windows");
            return exists.test(Path.of(root, "System32", "nvcuda.dll"));
        }
        return true;
    }

    /**
     * DJL 0.36 has no switch to skip its CUDA probe ({@code CudaUtils.getGpuCount()}, run by
     * {@code Platform.fromSystem()} for every engine and tokenizer it loads). But its {@code CudaUtils}
     * does not load the CUDA runtime when it is initialised with {@value #CUDA_FORK} set: it then
     * answers 0 GPUs without logging. So the class is initialised with the property set, and the
     * property is cleared right after, so that DJL never forks a child JVM. Left alone when the user
     * set the property. If DJL changes, the worst outcome is the old probe and its log lines.
     */
    static void skipGpuProbe() {
        if (System.getProperty(CUDA_FORK) != null) {
            return;
        }
        System.setProperty(CUDA_FORK, "true");
        try {
            Class.forName(CUDA_UTILS, true, NativeLibraries.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("DJL's CUDA probe not switched off: {}", e.toString());
        } finally {
            System.clearProperty(CUDA_FORK);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
