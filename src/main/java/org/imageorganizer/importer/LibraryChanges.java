package org.imageorganizer.importer;

import java.time.Duration;
import org.imageorganizer.model.LibraryObserver;

/**
 * Tells the library's observer about changes, at most once per interval: every change for uploads
 * (interval zero), every few seconds during a long folder import. Safe to call from many threads.
 */
final class LibraryChanges {
    private final LibraryObserver observer;
    private final long intervalNanos;
    private long lastNotice = System.nanoTime();
    private boolean pending;

    LibraryChanges(LibraryObserver observer, Duration interval) {
        this.observer = observer;
        this.intervalNanos = interval.toNanos();
    }

    /** The library changed: tells the observer now if the interval has passed, else later. */
    void changed() {
        synchronized (this) {
            pending = true;
            if (intervalNanos > 0 && System.nanoTime() - lastNotice <= intervalNanos) {
                return;
            }
            pending = false;
            lastNotice = System.nanoTime();
        }
        observer.libraryChanged();
    }

    /** Tells the observer about changes not told yet, or when {@code anyway}. */
    void flush(boolean anyway) {
        synchronized (this) {
            if (!pending && !anyway) {
                return;
            }
            pending = false;
            lastNotice = System.nanoTime();
        }
        observer.libraryChanged();
    }
}
