package org.imageorganizer.services;

import org.imageorganizer.model.ExplainedException;

/** A cluster name that cannot be stored (empty, too long, control characters); the message says why. */
public final class InvalidClusterNameException extends ExplainedException {
    private static final long serialVersionUID = 1L;

    public InvalidClusterNameException(String message) {
        super(message);
    }
}
