package org.imageorganizer.app;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.imageorganizer.config.ConfigurationSources;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.Settings;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.ModelManifest;
import org.imageorganizer.ml.VariantChooser;
import org.imageorganizer.ml.VerifiedFiles;
import org.imageorganizer.ml.download.DownloadProgress;
import org.imageorganizer.store.LibraryDatabase;

/**
 * Which model folders a command may use, and which variant a library gets. The folders are, in
 * order: the {@code --model-dir} folders, else the {@code IMAGE_ORGANIZER_MODEL_DIR} path list,
 * else the settings' {@code model_dir}, else every model folder in the per-user model cache
 * (downloading the published variants first when a command may download). Model files are hashed
 * on their first use and then only when their {@link VerifiedFiles} record no longer matches (ADR 0024).
 */
final class ModelFolders {
    static final String MODEL_DIR_VARIABLE = ConfigurationSources.MODEL_DIR_VARIABLE;

    private final Environment environment;
    private final ConfigurationSources sources;
    private final Supplier<Settings> settings;
    private final ModelLocator locator;
    private final PrintWriter err;
    private final VerifiedFiles verified;
    private VariantChooser chooser = VariantChooser.defaults();

    ModelFolders(Environment environment, Map<String, String> variables, Supplier<Settings> settings,
                 ModelLocator locator, PrintWriter err) {
        this(environment, new ConfigurationSources(environment, variables, settings), settings, locator, err);
    }

    ModelFolders(Environment environment, ConfigurationSources sources, Supplier<Settings> settings,
                 ModelLocator locator, PrintWriter err) {
        this.environment = environment;
        this.sources = sources;
        this.settings = settings;
        this.locator = locator;
        this.err = err;
        this.verified = new VerifiedFiles(environment.verifiedFilesDir());
    }

    /** For tests: calibration with another CPU check or time budget. */
    void useChooser(VariantChooser chooser) {
        this.chooser = chooser;
    }

    /** The folders the user named (--model-dir, the environment, the settings), unchecked; empty when none. */
    List<Path> configured(List<Path> modelDirs) {
        return sources.modelDirs(modelDirs);
    }

    /**
     * The candidate folders of a command, downloading the published variants for the precision asked
     * for when the user named no folder and the cache lacks them.
     *
     * @throws ModelException when a named folder is unusable, or nothing could be had
     */
    List<ModelFolder> forCommand(List<Path> modelDirs, String precision) {
        List<Path> named = configured(modelDirs);
        if (!named.isEmpty()) {
            return named.stream().map(this::openNamed).toList();
        }
        List<ModelFolder> folders = new ArrayList<>(locator.download(effectivePrecision(precision)));
        // the other variants in the cache; those just downloaded or found are checked once, not twice
        List<Path> known = folders.stream().map(ModelFolder::directory).toList();
        folders.addAll(open(cachedDirectories().stream().filter(dir -> !known.contains(dir)).toList()));
        return folders;
    }

    /**
     * Downloads the published variants for the precision (null: the settings') into the model cache,
     * or finds them there.
     *
     * @throws ModelException naming every reason when none can be had
     */
    List<ModelFolder> download(String precision, DownloadProgress progress) {
        return locator.download(effectivePrecision(precision), progress);
    }

    /**
     * The bytes {@link #download(String, DownloadProgress)} fetches for the precision (null: the settings') when the
     * cache holds nothing: the published variants whose every file has a known size (a variant that is not pinned
     * is refused before anything is fetched); -1 when none has.
     */
    long downloadBytes(String precision) {
        long total = org.imageorganizer.ml.download.ModelSources.forPrecision(effectivePrecision(precision)).stream()
                .filter(source -> source.files().stream().allMatch(f -> f.expectedSize() > 0))
                .flatMap(source -> source.files().stream())
                .mapToLong(org.imageorganizer.ml.download.RemoteFile::expectedSize).sum();
        return total > 0 ? total : -1;
    }

    /** {@link #download(String, DownloadProgress)} with progress on the console. */
    List<ModelFolder> download(String precision) {
        return locator.download(effectivePrecision(precision));
    }

    /** The named folders, else those in the model cache; never downloads. Empty when there is none. */
    List<ModelFolder> withoutDownload() {
        List<Path> named = configured(List.of());
        return named.isEmpty() ? cached() : named.stream().map(this::openNamed).toList();
    }

    /** Whether {@link #withoutDownload()} would find a folder, without checking the files. */
    boolean anyWithoutDownload() {
        return !configured(List.of()).isEmpty() || !cachedDirectories().isEmpty();
    }

    /**
     * The variant for the library among the command's candidate folders ({@link #forCommand}, then
     * {@link #choose}). With several named folders and a library that records its variant, only the
     * folder holding that variant is opened and checked: the others' manifests are read, their model
     * files left alone. When none holds it, every folder is opened as before, and the claim refuses.
     */
    ModelFolder chooseFor(LibraryDatabase library, List<Path> modelDirs, String precision) {
        return chooseFor(library.info().modelId(), modelDirs, precision);
    }

    /**
     * {@link #chooseFor(LibraryDatabase, List, String)} for a library that records {@code recorded} as its
     * variant (empty: none yet, or a new library), read before the library is opened for writing.
     */
    ModelFolder chooseFor(Optional<String> recorded, List<Path> modelDirs, String precision) {
        return recordedVariant(recorded, configured(modelDirs), precision)
                .orElseGet(() -> choose(recorded, forCommand(modelDirs, precision), precision));
    }

    /**
     * Whether {@link #chooseFor} may download: the user named no folder, and the model cache lacks some
     * published variant for the precision (offline, it would say so instead).
     */
    boolean mayDownload(List<Path> modelDirs, String precision) {
        return configured(modelDirs).isEmpty() && !locator.cached(effectivePrecision(precision));
    }

    /**
     * The window's variant for the library: as {@link #chooseFor} with no {@code --model-dir}, among
     * the named folders, else those in the model cache, but never downloading (the window offers the
     * download itself). With several folders and a library that records its variant, only the folder
     * holding that variant is opened and checked.
     *
     * @throws ModelException when there is no model folder on this computer yet
     */
    ModelFolder chooseInstalled(LibraryDatabase library) {
        List<Path> named = configured(List.of());
        List<Path> candidates = named.isEmpty() ? cachedDirectories() : named;
        Optional<String> recorded = library.info().modelId();
        return recordedVariant(recorded, candidates, null).orElseGet(() -> {
            List<ModelFolder> folders = withoutDownload();
            if (folders.isEmpty()) {
                throw new ModelException("there is no CLIP model on this computer yet.");
            }
            return choose(recorded, folders, null);
        });
    }

    /**
     * The folder among {@code dirs} that holds the variant the library records, opened and checked
     * alone, when there are several and the precision is {@code auto}: what {@link #choose} says of the
     * same folder among all of them. Empty when that does not apply or no folder holds it (all are then
     * opened as before, and the claim refuses).
     */
    private Optional<ModelFolder> recordedVariant(Optional<String> recorded, List<Path> dirs, String precision) {
        boolean auto = VariantChooser.Precision.parse(effectivePrecision(precision)) == VariantChooser.Precision.AUTO;
        if (dirs.size() > 1 && recorded.isPresent() && auto) {
            Optional<Path> holder = dirs.stream().filter(dir -> holds(dir, recorded.get())).findFirst();
            if (holder.isPresent()) {
                return Optional.of(report(chooser.choose(List.of(openNamed(holder.get())), VariantChooser.Precision.AUTO,
                        recorded)));
            }
        }
        return Optional.empty();
    }

    /**
     * The manifest of the variant {@code modelId} among the command's folders (else the configured ones)
     * and the model cache, read without opening the model; empty when none holds it.
     */
    Optional<ModelManifest> manifestOf(String modelId, List<Path> modelDirs) {
        List<Path> dirs = new java.util.ArrayList<>(configured(modelDirs));
        dirs.addAll(cachedDirectories());
        return dirs.stream().filter(dir -> holds(dir, modelId)).findFirst().map(ModelFolder::manifest);
    }

    /**
     * As {@link #manifestOf(String, List)} for a library's recorded model, if any; empty, not an exception, when the
     * settings or the environment cannot be read (that is said where the model is needed).
     */
    Optional<ModelManifest> installedManifestOf(Optional<String> recordedModel, List<Path> modelDirs) {
        if (recordedModel.isPresent()) {
            try {
                return manifestOf(recordedModel.get(), modelDirs);
            } catch (RuntimeException e) {
                // said where the model is needed
            }
        }
        return Optional.empty();
    }

    /** Whether the folder's manifest names the model id; a folder that cannot be read does not. */
    private static boolean holds(Path dir, String modelId) {
        try {
            return ModelFolder.manifest(dir).modelId().equals(modelId);
        } catch (ModelException e) {
            return false; // opened with the others below, where its problem is reported as before
        }
    }

    private ModelFolder openNamed(Path dir) {
        return ModelFolder.open(dir, verified);
    }

    /**
     * The variant for the library among {@code candidates}: the one it records, or for a new library
     * the precision asked for (else the settings'), {@code auto} by calibration. Says on stderr what
     * was chosen and why when there was a choice.
     */
    ModelFolder choose(LibraryDatabase library, List<ModelFolder> candidates, String precision) {
        return choose(library.info().modelId(), candidates, precision);
    }

    private ModelFolder choose(Optional<String> recorded, List<ModelFolder> candidates, String precision) {
        VariantChooser.Precision asked = VariantChooser.Precision.parse(effectivePrecision(precision));
        if (candidates.size() == 1 && asked == VariantChooser.Precision.AUTO) {
            return candidates.get(0);
        }
        if (candidates.size() > 1 && asked == VariantChooser.Precision.AUTO && recorded.isEmpty()) {
            err.println("Choosing the model variant (a few seconds).");
            err.flush();
        }
        return report(chooser.choose(candidates, asked, recorded));
    }

    private ModelFolder report(VariantChooser.Choice choice) {
        err.println("Model: " + choice.reason());
        err.flush();
        return choice.folder();
    }

    private String effectivePrecision(String precision) {
        String value = precision != null ? precision : settings.get().precision();
        return VariantChooser.Precision.parse(value).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The checked model folders in the per-user model cache; unusable ones are skipped with a warning. */
    private List<ModelFolder> cached() {
        return open(cachedDirectories());
    }

    private List<ModelFolder> open(List<Path> dirs) {
        List<ModelFolder> folders = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                folders.add(ModelFolder.open(dir, verified));
            } catch (ModelException e) {
                err.println("warning: " + e.getMessage() + " Skipping it.");
            }
        }
        return folders;
    }

    private List<Path> cachedDirectories() {
        try {
            return inCache(environment.modelsDir());
        } catch (IOException e) {
            err.println("warning: cannot list " + environment.modelsDir() + " (" + e.getMessage() + ").");
            return List.of();
        }
    }

    /** The folders with a manifest in a model cache, sorted; none when it does not exist. */
    private static List<Path> inCache(Path models) throws IOException {
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(models)) {
            return entries.filter(dir -> Files.isRegularFile(dir.resolve(ModelManifest.FILE_NAME)))
                    .map(dir -> dir.toAbsolutePath().normalize()).sorted().toList();
        }
    }

    /**
     * The model folders a user's command would find without downloading, unchecked and without reading the
     * settings: the {@code IMAGE_ORGANIZER_MODEL_DIR} path list, else the folders in the user's model cache
     * (what the class-data training run imports with, ADR 0030). Empty when there is none or the cache
     * cannot be listed.
     */
    static List<Path> foundWithoutSettings(Environment environment, Map<String, String> variables) {
        List<Path> named = new ConfigurationSources(environment, variables, Settings::defaults).modelDirs(List.of());
        if (!named.isEmpty()) {
            return named;
        }
        try {
            return inCache(environment.modelsDir());
        } catch (IOException e) {
            return List.of();
        }
    }
}
