package org.imageorganizer.ml.download;

import org.imageorganizer.model.ModelException;

/**
 * A model file that could not be downloaded: the message says why and how to supply the model by
 * hand (every URL); {@link #reason()} says only why, in a few words, for messages that lead with
 * what to do instead.
 */
public class ModelDownloadException extends ModelException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param message the whole story, with the advice
     * @param reason  why, in a few words (lower case, no full stop)
     * @param cause   the error behind it, or null
     */
    public ModelDownloadException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why, without the advice: e.g. "no network connection (could not reach huggingface.co: timed out)". */
    public String reason() {
        return reason;
    }
}
