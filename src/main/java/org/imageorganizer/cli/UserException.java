package org.imageorganizer.cli;

/** A problem the user can fix (arguments, files); printed as one line without a stack trace. */
public class UserException extends org.imageorganizer.model.ExplainedException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
