package org.imageorganizer.services;

import java.util.List;
import java.util.Map;

/**
 * A library opened for a while (a command's run): its queries and files, and the clustering that
 * keeps its tree; closing it stops the clustering and closes the database.
 */
public interface OpenedLibrary extends AutoCloseable {

    /** What the library holds. */
    LibraryQueries queries();

    /** The images' bytes. */
    ImageFiles files();

    /** Names its clusters; the names show in the tree of {@link #queries()}. */
    ClusterNaming clusterNaming();

    /** Every place each photo was seen (path order), for the photos found in more than one place. */
    Map<Long, List<String>> severalPlaces();

    @Override
    void close();
}
