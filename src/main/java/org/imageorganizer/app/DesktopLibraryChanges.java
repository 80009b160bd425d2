package org.imageorganizer.app;

import java.util.function.Supplier;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.services.LibraryEvents;
import org.imageorganizer.services.LibraryObservers;

/**
 * The window's news of the library: images added or removed are passed to the clustering and to the
 * window's observers; clusters recomputed ({@link #clustersRecomputed}) to the observers alone.
 */
final class DesktopLibraryChanges implements LibraryObserver, LibraryEvents {
    private final LibraryObservers observers = new LibraryObservers();
    private final Supplier<LibraryClusterer> clusterer;

    /**
     * @param clusterer the clustering in use now (it is replaced when the user changes its settings;
     *                  null until the library is open)
     */
    DesktopLibraryChanges(Supplier<LibraryClusterer> clusterer) {
        this.clusterer = clusterer;
    }

    @Override
    public void libraryChanged() {
        LibraryClusterer current = clusterer.get();
        if (current != null) { // null only before the library is open, when nothing can change it
            current.libraryChanged();
        }
        observers.libraryChanged();
    }

    /** Tells the window's observers only. */
    void clustersRecomputed() {
        observers.libraryChanged();
    }

    @Override
    public void addObserver(LibraryObserver observer) {
        observers.addObserver(observer);
    }

    @Override
    public void removeObserver(LibraryObserver observer) {
        observers.removeObserver(observer);
    }
}
