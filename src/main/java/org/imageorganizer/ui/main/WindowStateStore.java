package org.imageorganizer.ui.main;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.imageorganizer.common.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link WindowState} as JSON. The file is a convenience: a missing, broken or
 * unwritable one means the default placement and a line in the log, never an error for the user.
 */
public final class WindowStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(WindowStateStore.class);
    private static final long MAX_BYTES = 64 * 1024;

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public WindowStateStore(Path file) {
        this.file = file;
    }

    /** The saved state, or the defaults when there is none or it cannot be read. */
    public WindowState load() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                LOG.info("Ignoring {}: too large for a window state", file);
                return WindowState.defaults();
            }
            WindowState state = mapper.readValue(file.toFile(), WindowState.class);
            return state == null ? WindowState.defaults() : state;
        } catch (NoSuchFileException e) {
            return WindowState.defaults();
        } catch (IOException | RuntimeException e) {
            LOG.info("Ignoring the window state in {}: {}", file, e.getMessage());
            return WindowState.defaults();
        }
    }

    /** Saves the state atomically; a failure is logged and otherwise ignored. */
    public void save(WindowState state) {
        try {
            AtomicFiles.write(file, mapper.writeValueAsBytes(state));
        } catch (IOException | RuntimeException e) {
            LOG.info("Could not save the window state to {}: {}", file, e.getMessage());
        }
    }
}
