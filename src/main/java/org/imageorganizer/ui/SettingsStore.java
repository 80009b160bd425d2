package org.imageorganizer.ui;

import org.imageorganizer.config.Settings;

/** The user's settings, read and saved for the window (the settings dialog, the server port). */
public interface SettingsStore {

    /** The settings as they are now. */
    Settings load();

    /**
     * Saves the settings atomically; imports and clustering use them from then on.
     *
     * @throws RuntimeException with a sentence for the user when they cannot be written
     */
    void save(Settings settings);
}
