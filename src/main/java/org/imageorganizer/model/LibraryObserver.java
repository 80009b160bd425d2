package org.imageorganizer.model;

/** Told when images were added to or removed from the library, so derived results can be refreshed. */
@FunctionalInterface
public interface LibraryObserver {
    void libraryChanged();

    LibraryObserver NONE = () -> { };
}
