package org.imageorganizer.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the OpenCV native library bundled in the {@code org.openpnp:opencv} jar, once per JVM.
 * Safe to call from any thread, any number of times.
 *
 * <p>The jar's own loader ({@code nu.pattern.OpenCV.loadLocally}) unpacks the 65 MB library into a new
 * temporary folder at every start, which cost about 0.6 s of every process that decodes an image. Once
 * the application names a cache folder ({@link #cacheIn}), the library is unpacked there once per
 * version (into a temporary file, then moved into place, so that a crash or a second process never
 * leaves a partial library under the final name) and loaded from there. Without a cache folder, or
 * when the cache cannot be used, the jar's own loader runs as before.
 */
public final class OpenCvNatives {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCvNatives.class);
    private static final Object LOCK = new Object();
    private static volatile boolean loaded;
    private static volatile Path cacheFolder;

    private OpenCvNatives() {
    }

    /** Keeps the unpacked library in this folder from now on (the per-user native-library cache). */
    public static void cacheIn(Path folder) {
        cacheFolder = folder;
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
                if (!loadedFromCache()) {
                    nu.pattern.OpenCV.loadLocally();
                }
                org.opencv.core.Core.getVersionString(); // fails here if the library did not really load
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("could not load the OpenCV native library bundled for "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                        + " (" + e + "); image decoding is unavailable", e);
            }
            loaded = true;
        }
    }

    private static boolean loadedFromCache() {
        Path folder = cacheFolder;
        Optional<String> resource = bundledLibrary(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (folder == null || resource.isEmpty()) {
            return false;
        }
        URL url = OpenCvNatives.class.getClassLoader().getResource(resource.get());
        if (url == null) {
            return false;
        }
        try {
            Path library = unpacked(url, resource.get(), folder);
            System.load(library.toAbsolutePath().toString());
            return true;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            LOG.info("OpenCV's library could not be kept in {} ({}); unpacking it for this run only", folder, e.toString());
            return false;
        }
    }

    /** The library in the cache, unpacked first when it is not there at its full size. */
    static Path unpacked(URL url, String resource, Path folder) throws IOException {
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        long size = connection.getContentLengthLong();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        // the size names the build: another version of the jar unpacks beside this one
        Path target = folder.resolve("opencv-" + size).resolve(name);
        if (size > 0 && Files.isRegularFile(target) && Files.size(target) == size) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), name, ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** Where the jar keeps the library for this system, as its own loader looks for it; empty when it has none. */
    static Optional<String> bundledLibrary(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String folder;
        String file;
        if (os.startsWith("linux")) {
            folder = "linux";
            file = "libopencv_java490.so";
        } else if (os.startsWith("mac") || os.contains("darwin")) {
            folder = "osx";
            file = "libopencv_java490.dylib";
        } else if (os.startsWith("windows")) {
            folder = "windows";
            file = "opencv_java490.dll";
        } else {
            return Optional.empty();
        }
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "ARMv8";
            case "arm" -> "ARMv7";
            case "x86", "i386", "i686" -> "x86_32";
            default -> null;
        };
        return cpu == null ? Optional.empty() : Optional.of("nu/pattern/opencv/" + folder + "/" + cpu + "/" + file);
    }
}
