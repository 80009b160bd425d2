package org.imageorganizer.services;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.imageorganizer.cluster.StoredTree;
import org.imageorganizer.store.LibraryReader;

/**
 * An {@link OpenedLibrary} for the commands that only read (tree, list, export): the library read
 * through plain JDBC ({@link LibraryReader}), its tree from the stored clusterings. When those are
 * stale, the full library (Hibernate, its clusterer) is opened once to recompute them, and closed
 * with this.
 */
public final class ReadOnlyLibrary implements OpenedLibrary {
    private final LibraryReader reader;
    private final Supplier<OpenedLibrary> full;
    private final LibraryQueries queries;
    private final ImageFiles files;
    private OpenedLibrary opened;

    /**
     * @param reader     the library, read through JDBC; this owns it
     * @param storedTree the tree for the clustering settings asked for
     * @param files      the images' bytes
     * @param full       opens the full library with its clusterer, for a tree that must be recomputed
     */
    public ReadOnlyLibrary(LibraryReader reader, StoredTree storedTree, ImageFiles files, Supplier<OpenedLibrary> full) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.full = Objects.requireNonNull(full, "full");
        this.files = Objects.requireNonNull(files, "files");
        this.queries = new ReaderLibraryQueries(reader, storedTree, () -> full().queries());
    }

    private synchronized OpenedLibrary full() {
        if (opened == null) {
            opened = full.get();
        }
        return opened;
    }

    @Override
    public LibraryQueries queries() {
        return queries;
    }

    @Override
    public ImageFiles files() {
        return files;
    }

    /** The full library's: naming writes (the full library is opened for it, once). */
    @Override
    public ClusterNaming clusterNaming() {
        return full().clusterNaming();
    }

    /** Whether the full library had to be opened (to recompute stale clusterings). */
    public synchronized boolean openedFully() {
        return opened != null;
    }

    @Override
    public Map<Long, List<String>> severalPlaces() {
        return reader.fingerprints().severalPlaces();
    }

    @Override
    public void close() {
        OpenedLibrary toClose;
        synchronized (this) {
            toClose = opened;
        }
        try {
            if (toClose != null) {
                toClose.close();
            }
        } finally {
            reader.close();
        }
    }
}
