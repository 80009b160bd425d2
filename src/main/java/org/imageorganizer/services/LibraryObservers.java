package org.imageorganizer.services;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imageorganizer.model.LibraryObserver;

/** The observers of a library's changes, each told in turn; safe to use from any thread. */
public final class LibraryObservers implements LibraryEvents, LibraryObserver {
    private final List<LibraryObserver> observers = new CopyOnWriteArrayList<>();

    @Override
    public void addObserver(LibraryObserver observer) {
        observers.add(observer);
    }

    @Override
    public void removeObserver(LibraryObserver observer) {
        observers.remove(observer);
    }

    /** How many observers are registered. */
    public int count() {
        return observers.size();
    }

    /** Tells every observer that the library changed. */
    @Override
    public void libraryChanged() {
        for (LibraryObserver observer : observers) {
            observer.libraryChanged();
        }
    }
}
