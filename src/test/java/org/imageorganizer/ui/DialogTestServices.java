package org.imageorganizer.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.Settings;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.services.ModelSetup;

/**
 * Fakes for dialog view-model tests: settings in memory (saves recorded, or failing on demand),
 * image files that know which images exist, a replaceable model setup, a log file and a build.
 */
public final class DialogTestServices implements SettingsStore, ImageFiles {
    public Settings settings = Settings.defaults();
    public final List<Settings> saved = new ArrayList<>();
    public RuntimeException saveFailure;
    public ModelSetup modelSetup;
    public final Set<Long> existing = new HashSet<>();
    public final Map<Long, Path> localFiles = new HashMap<>();
    public Path logFile = Path.of("logs", "image-organizer.log");

    /** An indexed image whose file exists, at /photos/NAME. */
    public ImageRecord image(long id, String name) {
        ImageRecord image = new ImageRecord(id, "%064x".formatted(id), "/photos/" + name, name, 2_500_000L, 4000, 3000, "jpeg",
                Instant.parse("2025-03-14T09:26:53Z"),
                new Classification(new Label("dog", 0.873), new Label("beach", 0.61)), StorageKind.INDEXED);
        existing.add(id);
        localFiles.put(id, Path.of(image.location()));
        return image;
    }

    @Override
    public boolean exists(ImageRecord image) {
        return existing.contains(image.id());
    }

    @Override
    public InputStream open(ImageRecord image) throws IOException {
        if (!exists(image)) {
            throw new NoSuchFileException(image.location());
        }
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public Optional<Path> localFile(ImageRecord image) {
        return Optional.ofNullable(localFiles.get(image.id()));
    }

    @Override
    public byte[] thumbnail(ImageRecord image, int maxSide) throws IOException {
        throw new IOException("no thumbnails in dialog tests");
    }

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
