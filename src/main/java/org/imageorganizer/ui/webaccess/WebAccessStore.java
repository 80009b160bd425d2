package org.imageorganizer.ui.webaccess;

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
 * Reads and writes {@link WebAccessPreferences} as a small JSON file beside the settings, readable by its owner only
 * where the file system has POSIX permissions (it holds the access key). A missing or broken file means the
 * defaults; the key is never logged. Blocking: never on the FX thread.
 */
public final class WebAccessStore {
    private static final Logger LOG = LoggerFactory.getLogger(WebAccessStore.class);
    private static final long MAX_BYTES = 16 * 1024;

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public WebAccessStore(Path file) {
        this.file = file;
    }

    /** The saved preferences, or the defaults when there are none or they cannot be read. */
    public WebAccessPreferences load() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                LOG.info("Ignoring {}: too large", file);
                return WebAccessPreferences.defaults();
            }
            WebAccessPreferences read = mapper.readValue(file.toFile(), WebAccessPreferences.class);
            return read == null ? WebAccessPreferences.defaults() : read;
        } catch (NoSuchFileException e) {
            return WebAccessPreferences.defaults();
        } catch (IOException | RuntimeException e) {
            LOG.info("Ignoring the web access preferences in {}: {}", file, e.getClass().getSimpleName());
            return WebAccessPreferences.defaults();
        }
    }

    /**
     * Saves the preferences atomically, readable by the owner only where that can be said.
     *
     * @throws IOException when they cannot be written
     */
    public void save(WebAccessPreferences preferences) throws IOException {
        AtomicFiles.write(file, mapper.writeValueAsBytes(preferences), true);
    }
}
