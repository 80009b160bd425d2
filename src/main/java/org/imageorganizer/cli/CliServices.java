package org.imageorganizer.cli;

import org.imageorganizer.services.LabelCorrecting;
import org.imageorganizer.services.LibraryCategories;
import org.imageorganizer.services.LibraryResort;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.services.LibraryImport;
import org.imageorganizer.services.OpenedLibrary;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoSearch;

/** What the commands need from the application; {@code app} provides it. */
public interface CliServices {

    /** The user's settings (the defaults, with a warning on stderr, when the settings file is unusable). */
    Settings settings();

    /**
     * Opens the library where the options say, or where the environment, the settings or the default put it,
     * with its clustering (sub-clusters as {@code clustering} says).
     */
    OpenedLibrary openLibrary(DatabaseLocation location, ClusterSettings clustering);

    /**
     * Opens the library as {@link #openLibrary} does, for commands that only read it (tree, list,
     * export): quicker to open, and its clustering is recomputed only when the stored one is stale.
     */
    default OpenedLibrary readLibrary(DatabaseLocation location, ClusterSettings clustering) {
        return openLibrary(location, clustering);
    }

    /**
     * An import into the library where the options say (as {@link #openLibrary}), with its clustering; nothing
     * is opened before {@link LibraryImport#organize}, which opens the library and loads the model only as far
     * as the files need. The library's clustering is told of every image added.
     *
     * @param clustering the clustering settings, asked for when needed (so that the settings file is read
     *                   while the library opens)
     * @param modelDirs {@code --model-dir} (one folder per variant), or empty for IMAGE_ORGANIZER_MODEL_DIR (a path
     *                  list), the settings, or the downloaded model
     * @param precision {@code --precision} (auto, fp32, bf16, int8), or null for the settings' value
     * @param views    test-time augmentation views, or null for the settings' value
     * @param adaptive adaptive TTA (extra views only for uncertain images), or null for the settings' value
     */
    LibraryImport openImport(DatabaseLocation location, Supplier<ClusterSettings> clustering, List<Path> modelDirs,
            String precision, Integer views, Boolean adaptive);

    /**
     * Opens the library for searching it ({@code search}, {@code similar}): as {@link #readLibrary}, with its
     * embeddings loaded for search and the library's model variant (among {@code modelDirs}, or where
     * {@link #openImport} looks) loaded when a text or a file must be embedded.
     */
    SearchSession openSearch(DatabaseLocation location, List<Path> modelDirs);

    /** An open search of the library; closing it frees the library and the model. */
    interface SearchSession extends AutoCloseable {
        PhotoSearch search();

        PhotoDuplicates duplicates();

        @Override
        void close();
    }

    /**
     * Opens the library (as {@link #openLibrary}) to correct photos' labels, edit its categories and re-sort it
     * ({@code label}, {@code categories}, {@code resort}). The library's model variant (among {@code modelDirs}, or
     * where {@link #openImport} looks) is loaded only when a category's text embedding is not cached yet.
     */
    SortingSession openSorting(DatabaseLocation location, List<Path> modelDirs);

    /** An open library for sorting it by hand; closing it frees the library and the model. */
    interface SortingSession extends AutoCloseable {
        LabelCorrecting corrections();

        LibraryCategories categories();

        LibraryResort resort();

        /** Brings the clusters of the groups that changed up to date (the command's process ends next). */
        void finish();

        @Override
        void close();
    }

    /**
     * Downloads the published CLIP variants for a precision into the per-user model cache (or finds
     * them there), with progress on stderr.
     *
     * @param precision auto (every published variant), fp32 or int8; null for the settings' value
     * @return the model folders now in the cache, with each one's model id
     * @throws org.imageorganizer.model.ModelException naming every reason when none can be had (offline, ...)
     */
    Map<Path, String> downloadModels(String precision);

    /**
     * Opens the library, loads the model and starts the REST server.
     *
     * @param database where the library is
     * @param storage  the folder for uploads, or null for the per-user one
     * @param modelDirs the model folders, or empty as for {@link #openImport}
     * @param precision as for {@link #openImport}
     */
    RunningServer startServer(ServerOptions options, DatabaseLocation database, Path storage, List<Path> modelDirs,
            String precision);

    /**
     * Opens the library (as {@link #openLibrary}) for a sync to Cloudinary.
     *
     * @param concurrency uploads at once, or null for the settings' value
     * @throws UserException when Cloudinary is not configured (CLOUDINARY_URL) or the URL is malformed
     */
    CloudSync openSync(DatabaseLocation location, Integer concurrency);

    /**
     * Prepares the class-data-sharing training run ({@code cds-training}, ADR 0030) in this process's data
     * folder, which is a scratch folder for that command: writes a few generated photos (and a file that
     * is not an image) and loads and saves the settings.
     *
     * @param modelDirs {@code --model-dir}, or empty for the model folders found for the user (see
     *                  {@link Training#modelDirs()})
     */
    Training startTraining(List<Path> modelDirs);

    /** The training run's material, in the data folder (the scratch folder goes when the process's run ends). */
    interface Training {
        /** The folder of generated photos. */
        Path photos();

        /** The library file to create (H2, beside the photos). */
        Path library();

        /**
         * The model folders to organize the photos with: the ones given, else those named by
         * IMAGE_ORGANIZER_MODEL_DIR, else the user's downloaded ones; empty when there is none.
         */
        List<Path> modelDirs();

        /**
         * Creates the library and fills it without a model, as {@code organize} would have: every photo
         * decoded, stored with made-up labels and embeddings, then clustered.
         */
        void fillWithoutModel();

        /**
         * Starts the REST server on the library, on a free loopback port, with the model when there is one
         * (else it stays "loading"), asks it what the web page and an upload ask, and stops it.
         */
        void serveOnce();
    }

    /** A backup of a library to the cloud, on the library and the cloud client it opened; closing frees both. */
    interface CloudSync extends AutoCloseable {
        CloudBackup backup();

        @Override
        void close();
    }

    /** A started server; closing it lets the requests in progress finish, then frees everything. */
    interface RunningServer extends AutoCloseable {
        String url();

        /** Where uploads go, for the start-up line (never a secret). */
        default String uploadsGoTo() {
            return "the storage folder";
        }

        @Override
        void close();
    }
}
