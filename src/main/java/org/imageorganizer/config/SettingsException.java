package org.imageorganizer.config;

/** The settings file cannot be read or written; the message is for the user. */
public class SettingsException extends org.imageorganizer.model.ExplainedException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
