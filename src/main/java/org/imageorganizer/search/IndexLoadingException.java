package org.imageorganizer.search;

import org.imageorganizer.model.ExplainedException;

/**
 * A query came before the index's first load finished (within {@link IndexSettings#loadWait()}); its
 * message is a sentence for the user. A server answers it with 503 and Retry-After.
 */
public class IndexLoadingException extends ExplainedException {
    private static final long serialVersionUID = 1L;

    public IndexLoadingException(String message) {
        super(message);
    }
}
