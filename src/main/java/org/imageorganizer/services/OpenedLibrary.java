package org.imageorganizer.services;

/**
 * A library opened for a while (a command's run): its queries and files, and the clustering that
 * keeps its tree; closing it stops the clustering and closes the database.
 */
public interface OpenedLibrary extends AutoCloseable {

    /** What the library holds. */
    LibraryQueries queries();

    /** The images' bytes. */
    ImageFiles files();

    @Override
    void close();
}
