package org.imageorganizer.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.services.LibraryEvents;

/**
 * The window's news of the library: images added or removed are passed to the clustering and to the
 * window's observers; clusters recomputed ({@link #clustersRecomputed}) to the observers alone.
 */
final class DesktopLibraryChanges implements LibraryObserver, LibraryEvents {
    private final List<LibraryObserver> observers = new CopyOnWriteArrayList<>();
    private final Supplier<LibraryClusterer> clusterer;

    /** @param clusterer the clustering in use now (it is replaced when the user changes its settings) */
    DesktopLibraryChanges(Supplier<LibraryClusterer> clusterer) {
        this.clusterer = clusterer;
    }

    @Override
    public void libraryChanged() {
        clusterer.get().libraryChanged();
        clustersRecomputed();
    }

    /** Tells the window's observers only. */
    void clustersRecomputed() {
        for (LibraryObserver observer : observers) {
            observer.libraryChanged();
        }
    }

    @Override
    public void addObserver(LibraryObserver observer) {
        observers.add(observer);
    }

    @Override
    public void removeObserver(LibraryObserver observer) {
        observers.remove(observer);
    }
}
