package org.imageorganizer.ui;

import java.nio.file.Path;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.Settings;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.Library;

/** What the window needs from the application; {@code app} builds it. Methods marked slow must not run on the FX thread. */
public interface DesktopServices {

    /** The open library. */
    Library library();

    /** Its sub-clusters, recomputed in the background as the library changes. */
    LibraryClusterer clusterer();

    /** Where image bytes are. */
    ImageStorage storage();

    /** Thumbnails cached on disk. */
    ThumbnailCache thumbnails();

    /**
     * An import pipeline over the library, loading the model the first time (slow).
     *
     * @throws org.imageorganizer.model.ModelException when there is no usable model: the window offers to get one
     */
    ImportPipeline importPipeline();

    /** Whether a model is in place (cheap: looks for the folder, loads nothing). */
    boolean modelAvailable();

    /** The user's settings. */
    Settings settings();

    /** Saves the settings atomically; the pipeline and clustering pick them up on the next import. */
    void saveSettings(Settings settings);

    /** Gets the model: downloads it (slow; progress in 0..1) or takes a folder the user chose (checked). */
    ModelSetup modelSetup();

    /**
     * Removes an image from the library (slow): its row, the application's own copy if it made one,
     * and the Cloudinary copy as the settings say. A user's original is never touched.
     */
    default void removeFromLibrary(long imageId) throws Exception {
        library().images().delete(imageId);
    }

    /** The backup of the library's images to Cloudinary, when it is configured. */
    default java.util.Optional<org.imageorganizer.sync.SyncService> cloudSync() {
        return java.util.Optional.empty();
    }

    /** The optional REST server. */
    EmbeddedServer embeddedServer();

    /** The per-user log file, for Help → Open Log. */
    Path logFile();

    /** Where the window keeps its size, position and dividers. */
    Path windowStateFile();

    BuildInfo build();

    /** Getting a model on first run. */
    interface ModelSetup {
        /** Downloads the standard CLIP model (slow), reporting progress in 0..1. */
        void download(java.util.function.DoubleConsumer progress) throws Exception;

        /** Checks and adopts a model folder the user chose; throws with a sentence when it is unusable. */
        void useFolder(Path folder);
    }
}
