package org.imageorganizer.services;

/** A {@link FolderImport} holding a loaded model; closing it frees the model's native memory. */
public interface FolderImportSession extends FolderImport, AutoCloseable {

    @Override
    void close();
}
