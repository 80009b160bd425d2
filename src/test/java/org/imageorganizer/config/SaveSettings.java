package org.imageorganizer.config;

import java.nio.file.Path;

/**
 * The other process of {@link SettingsStoreTest}'s read-only folder test: saves settings with
 * {@code tta_views} 2 to the file given and prints "saved", or prints the error and exits with 3.
 */
public final class SaveSettings {
    private SaveSettings() {
    }

    public static void main(String[] args) {
        try {
            new SettingsStore(Path.of(args[0])).save(Settings.defaults().withTtaViews(2));
            System.out.println("saved");
        } catch (SettingsException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
