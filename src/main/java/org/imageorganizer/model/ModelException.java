package org.imageorganizer.model;

/** The model cannot be used; the message says why in one sentence a user understands. */
public class ModelException extends org.imageorganizer.model.ExplainedException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
