package org.imageorganizer.trash;

import java.io.IOException;

/** A file that could not be moved to the trash and is still where it was; the message is a sentence for the user. */
public final class TrashException extends IOException {
    private static final long serialVersionUID = 1L;

    public TrashException(String message) {
        super(message);
    }

    public TrashException(String message, Throwable cause) {
        super(message, cause);
    }
}
