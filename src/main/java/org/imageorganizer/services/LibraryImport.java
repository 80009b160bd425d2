package org.imageorganizer.services;

/**
 * A command's import into a library that it opens only as far as the import needs (ADR 0029): when
 * every file is in the library unchanged, the library is only read; otherwise it is opened for
 * writing and the model loaded while the files are walked and decoded. For one {@link #organize}
 * call; closing it frees the model and the library.
 */
public interface LibraryImport extends FolderImport, AutoCloseable {

    /**
     * The library as it stands after {@link #organize} returned (its tree, say).
     *
     * @throws IllegalStateException before {@link #organize} returned
     */
    OpenedLibrary library();

    @Override
    void close();
}
