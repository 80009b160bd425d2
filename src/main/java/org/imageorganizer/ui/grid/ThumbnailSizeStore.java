package org.imageorganizer.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.imageorganizer.common.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the grid's thumbnail size between runs, as {@code {"thumbnailSize": 200}} in a small JSON file
 * beside the window's state. A convenience: a missing or broken file means the default size, never an error.
 */
public final class ThumbnailSizeStore {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailSizeStore.class);
    private static final long MAX_BYTES = 16 * 1024;

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    public ThumbnailSizeStore(Path file) {
        this.file = file;
    }

    /** The size saved, within bounds, or {@link GridHeading#DEFAULT_SIZE}. */
    public double load() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return GridHeading.DEFAULT_SIZE;
            }
            JsonNode size = mapper.readTree(file.toFile()).path("thumbnailSize");
            return size.isNumber() ? GridHeading.clamp(size.asDouble()) : GridHeading.DEFAULT_SIZE;
        } catch (NoSuchFileException e) {
            return GridHeading.DEFAULT_SIZE;
        } catch (IOException | RuntimeException e) {
            LOG.info("Ignoring the grid's settings in {}: {}", file, e.getMessage());
            return GridHeading.DEFAULT_SIZE;
        }
    }

    /** Saves the size atomically; a failure is logged and otherwise ignored. */
    public void save(double size) {
        try {
            AtomicFiles.write(file, mapper.writeValueAsBytes(Map.of("thumbnailSize", GridHeading.clamp(size))));
        } catch (IOException | RuntimeException e) {
            LOG.info("Could not save the grid's settings to {}: {}", file, e.getMessage());
        }
    }
}
