package org.imageorganizer.model;


/** Receives an import's progress; called from the import's own thread, so implementations must be quick. */
public interface ImportListener {
    /** After every finished file. */
    default void progress(ImportProgress progress) {
    }

    /** For every file that could not be imported. */
    default void failed(FileFailure failure) {
    }

    /**
     * The recognition model is being loaded for this import (seconds, the first time): files are
     * found and read meanwhile, and none is finished before {@link #modelReady()}.
     */
    default void loadingModel() {
    }

    /** The model is loaded: progress from now on counts files finished. */
    default void modelReady() {
    }

    ImportListener NONE = new ImportListener() {
    };
}
