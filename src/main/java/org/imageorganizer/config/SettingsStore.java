package org.imageorganizer.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imageorganizer.common.AtomicFiles;

/**
 * Reads and writes {@code settings.json}. Writing goes to a temporary file in the same folder
 * that is then moved over the old one, so a crash never leaves half a settings file.
 */
public final class SettingsStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SettingsStore.class);
    private static final long MAX_BYTES = 1024 * 1024;

    private final Path file;

    /** Made on first use: building a mapper takes about 0.1 s of a cold start, which a command that reads no settings skips. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The saved settings, or the defaults when there is no settings file yet.
     *
     * @throws SettingsException when the file exists but cannot be used; the message says what is wrong
     */
    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SettingsException(file + " is larger than 1 MB; it cannot be a settings file.");
            }
            Settings settings = Json.MAPPER.readValue(file.toFile(), Settings.class);
            if (settings == null) {
                throw new SettingsException(file + " is empty.");
            }
            if (settings.holdsSecret() && AtomicFiles.restrictToOwner(file)) {
                LOG.warn("{} holds a Cloudinary secret and was readable by others; it is now readable by its owner only", file);
            }
            return settings;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new SettingsException(file + " has an invalid value: " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new SettingsException(file + " is not valid settings JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SettingsException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The settings as {@link #load} reads them, or the defaults when the file cannot be used, without a word:
     * for a look ahead of the command that reads them again and says what is wrong (ADR 0040).
     */
    public Settings loadOrDefaults() {
        try {
            return load();
        } catch (SettingsException e) {
            return Settings.defaults();
        }
    }

    /**
     * Saves atomically: the old file stays whole until the new one is complete. Settings that hold
     * a secret (the Cloudinary URL) are written readable by their owner only.
     */
    public void save(Settings settings) {
        try {
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(settings), settings.holdsSecret());
        } catch (IOException e) {
            // AccessDeniedException's message is only the path it was refused
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
            throw new SettingsException("Cannot save settings to " + file + " (" + why + ")", e);
        }
    }
}
