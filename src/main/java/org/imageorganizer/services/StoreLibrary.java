package org.imageorganizer.services;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.store.LibraryDatabase;

/**
 * An {@link OpenedLibrary} on the store: the database, its clusterer, the storage of its files.
 * It owns the library and the clusterer (closes both); the wiring reaches them to build more on it.
 */
public final class StoreLibrary implements OpenedLibrary {
    private final LibraryDatabase library;
    private final LibraryClusterer clusterer;
    private final LibraryQueries queries;
    private final ImageFiles files;
    private final ClusterNaming clusterNaming;

    public StoreLibrary(LibraryDatabase library, LibraryClusterer clusterer, ImageStorage storage, ThumbnailCache thumbnails) {
        this.library = Objects.requireNonNull(library, "library");
        this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
        this.queries = new StoredLibraryQueries(library.images(), clusterer);
        this.files = new StoredImageFiles(storage, thumbnails);
        this.clusterNaming = new StoredClusterNaming(library.clusters());
    }

    /** The store under an opened library this wiring made. */
    public static StoreLibrary of(OpenedLibrary opened) {
        if (opened instanceof StoreLibrary store) {
            return store;
        }
        throw new IllegalArgumentException("not a library this application opened: " + opened);
    }

    @Override
    public LibraryQueries queries() {
        return queries;
    }

    @Override
    public ImageFiles files() {
        return files;
    }

    @Override
    public ClusterNaming clusterNaming() {
        return clusterNaming;
    }

    /** The database. */
    public LibraryDatabase library() {
        return library;
    }

    /** The clustering, told of every change. */
    public LibraryClusterer clusterer() {
        return clusterer;
    }

    @Override
    public Map<Long, List<String>> severalPlaces() {
        return library.fingerprints().severalPlaces();
    }

    @Override
    public void close() {
        try {
            clusterer.close();
        } finally {
            library.close();
        }
    }
}
