package org.imageorganizer.model;


/** Receives an import's progress; called from the import's threads, so implementations must be quick and thread-safe. */
public interface ImportListener {
    /** After every finished file. */
    default void progress(ImportProgress progress) {
    }

    /** For every file that could not be imported. */
    default void failed(FileFailure failure) {
    }

    /**
     * The import waits for the recognition model, which is loading (seconds, the first time a file
     * with new content is found): files are found, read and decoded meanwhile, and no new image is
     * stored before {@link #modelReady()}. Not called when the model was loaded already, nor when no
     * file needs it.
     */
    default void loadingModel() {
    }

    /** The model is loaded (after {@link #loadingModel()}, from the thread that loaded it): new images are stored from now on. */
    default void modelReady() {
    }

    ImportListener NONE = new ImportListener() {
    };
}
