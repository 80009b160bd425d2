package org.imageorganizer.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where this user's files live, per operating system: the library (data), downloaded models and
 * other caches, settings (config) and logs. {@code IMAGE_ORGANIZER_HOME} puts everything under one folder
 * (portable installs, servers, tests), except the native libraries that DJL unpacks: those stay in
 * the operating system's per-user cache ({@link #sharedCacheDir()}), one copy per version for every
 * data folder, since they are the same for all of them and take about 445 MB.
 *
 * <ul>
 *   <li>Linux: {@code $XDG_DATA_HOME}, {@code $XDG_CACHE_HOME}, {@code $XDG_CONFIG_HOME}, {@code $XDG_STATE_HOME}
 *       (defaults {@code ~/.local/share}, {@code ~/.cache}, {@code ~/.config}, {@code ~/.local/state}) + {@code /image-organizer}</li>
 *   <li>macOS: {@code ~/Library/Application Support}, {@code ~/Library/Caches}, {@code ~/Library/Logs} + {@code /AI Image Organizer}</li>
 *   <li>Windows: {@code %APPDATA%} (settings) and {@code %LOCALAPPDATA%} (data, cache, logs) + {@code \AI Image Organizer}</li>
 * </ul>
 */
public record Environment(Path dataDir, Path cacheDir, Path configDir, Path logDir, Path sharedCacheDir) {
    static final String APP_NAME = "AI Image Organizer";
    static final String UNIX_NAME = "image-organizer";

    /** Folders whose shared cache is their own cache folder. */
    public Environment(Path dataDir, Path cacheDir, Path configDir, Path logDir) {
        this(dataDir, cacheDir, configDir, logDir, cacheDir);
    }

    /** The folders for the running user, from the environment and system properties. */
    public static Environment detect() {
        return detect(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Environment detect(Map<String, String> env, String osName, String userHome) {
        Path home = Path.of(userHome);
        String override = env.get("IMAGE_ORGANIZER_HOME");
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override).toAbsolutePath();
            Path shared = platform(env, osName, home).cacheDir();
            return new Environment(root.resolve("data"), root.resolve("cache"), root.resolve("config"), root.resolve("logs"),
                    shared);
        }
        return platform(env, osName, home);
    }

    /** The operating system's folders for the user, whatever IMAGE_ORGANIZER_HOME says. */
    private static Environment platform(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming")).resolve(APP_NAME);
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local")).resolve(APP_NAME);
            return new Environment(local.resolve("Data"), local.resolve("Cache"), roaming, local.resolve("Logs"));
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            Path library = home.resolve("Library");
            Path support = library.resolve("Application Support").resolve(APP_NAME);
            return new Environment(support, library.resolve("Caches").resolve(APP_NAME), support,
                    library.resolve("Logs").resolve(APP_NAME));
        }
        return new Environment(
                xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")),
                xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")),
                xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")),
                xdg(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve("logs"));
    }

    /** The default library database (H2 adds {@code .mv.db}). */
    public Path defaultDatabase() {
        return dataDir.resolve("library");
    }

    /** Managed copies of uploaded images. */
    public Path managedStorageDir() {
        return dataDir.resolve("storage");
    }

    /** Downloaded models, one folder each. */
    public Path modelsDir() {
        return cacheDir.resolve("models");
    }

    public Path labelEmbeddingCacheDir() {
        return cacheDir.resolve("label-embeddings");
    }

    /**
     * The approximate search indexes of large libraries (over 100,000 photos), one folder per library:
     * rebuilt from the library when missing, so a cache.
     */
    public Path searchIndexDir() {
        return cacheDir.resolve("search-index");
    }

    /** Thumbnails made for the window and the web page, by content hash. */
    public Path thumbnailCacheDir() {
        return cacheDir.resolve("thumbnails");
    }

    /**
     * Where DJL unpacks its native libraries (in a folder per library and version): in the shared
     * per-user cache, so that data folders set by IMAGE_ORGANIZER_HOME do not each hold a copy.
     */
    public Path nativeLibraryCacheDir() {
        return sharedCacheDir.resolve("native");
    }

    /** Records of model files already hashed (ADR 0024): in this data folder's cache, beside the models. */
    public Path verifiedFilesDir() {
        return cacheDir.resolve("verified-files");
    }

    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        // the XDG spec says relative paths are invalid and must be ignored
        Path base = value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
        return base.resolve(UNIX_NAME);
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
