package org.imageorganizer.store;

import java.util.Objects;
import org.imageorganizer.model.ImageRecord;

/** An image with the same SHA-256 is already in the library, possibly inserted by another process. */
public class DuplicateImageException extends RuntimeException {

    private final transient ImageRecord existing;

    /**
     * @param existing the record already in the library
     * @param cause    the unique-constraint violation
     */
    public DuplicateImageException(ImageRecord existing, Throwable cause) {
        super("The library already holds this image (same content) as " + existing.location()
                + " (id " + existing.id() + ")", cause);
        this.existing = Objects.requireNonNull(existing, "existing");
    }

    /** @return the record that already holds this content */
    public ImageRecord existing() {
        return existing;
    }
}
