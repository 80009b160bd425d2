package org.imageorganizer.services;

import org.imageorganizer.model.LibraryObserver;

/**
 * Tells the front ends that show the library when it changed: images added or removed (by an
 * import, an upload, a removal) or the clusters recomputed. Observers are called on the thread that
 * made the change, often many times in a burst: they must return quickly and hand the work over
 * (the window hops to its own thread and coalesces).
 */
public interface LibraryEvents {

    /** Starts telling {@code observer} of each change. */
    void addObserver(LibraryObserver observer);

    /** Stops telling {@code observer}; does nothing when it was not added. */
    void removeObserver(LibraryObserver observer);
}
