package org.imageorganizer.services;

import org.imageorganizer.model.ExplainedException;

/** A search that cannot be answered now: the library's embeddings are still loading, or the model is. */
public final class SearchUnavailableException extends ExplainedException {
    private static final long serialVersionUID = 1L;
    private final boolean temporary;

    public SearchUnavailableException(String message, boolean temporary, Throwable cause) {
        super(message, cause);
        this.temporary = temporary;
    }

    /** Whether asking again in a few seconds may work (still loading), rather than a failure. */
    public boolean temporary() {
        return temporary;
    }
}
