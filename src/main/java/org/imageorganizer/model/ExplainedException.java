package org.imageorganizer.model;

/**
 * A failure whose message is a whole sentence a user can act on (a library that cannot be opened,
 * no usable model, ...). Front ends show the message as it is, with no stack trace; anything else
 * is a fault of ours and is reported as such.
 */
public class ExplainedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExplainedException(String message) {
        super(message);
    }

    public ExplainedException(String message, Throwable cause) {
        super(message, cause);
    }
}
