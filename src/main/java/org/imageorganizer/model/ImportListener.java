package org.imageorganizer.model;


/** Receives an import's progress; called from the import's own thread, so implementations must be quick. */
public interface ImportListener {
    /** After every finished file. */
    default void progress(ImportProgress progress) {
    }

    /** For every file that could not be imported. */
    default void failed(FileFailure failure) {
    }

    ImportListener NONE = new ImportListener() {
    };
}
