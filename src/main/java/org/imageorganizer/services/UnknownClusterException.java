package org.imageorganizer.services;

import org.imageorganizer.model.ExplainedException;

/** No cluster has this number in its group, or this key; the message says which. */
public final class UnknownClusterException extends ExplainedException {
    private static final long serialVersionUID = 1L;

    public UnknownClusterException(String message) {
        super(message);
    }
}
