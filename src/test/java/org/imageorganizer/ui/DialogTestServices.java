package org.imageorganizer.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.Settings;
import org.imageorganizer.services.ModelSetup;

/**
 * Fakes for dialog view-model tests: settings in memory (saves recorded, or failing on demand),
 * a replaceable model setup, a log file and a build ({@link FakeImageFiles} has the image files).
 */
public final class DialogTestServices implements SettingsStore {
    public Settings settings = Settings.defaults();
    public final List<Settings> saved = new ArrayList<>();
    public RuntimeException saveFailure;
    public ModelSetup modelSetup;
    public Path logFile = Path.of("logs", "image-organizer.log");

    @Override
    public Settings load() {
        return settings;
    }

    @Override
    public void save(Settings changed) {
        if (saveFailure != null) {
            throw saveFailure;
        }
        saved.add(changed);
        settings = changed;
    }

    public BuildInfo build() {
        return new BuildInfo("1.2.3", "https://example.org/source");
    }
}
