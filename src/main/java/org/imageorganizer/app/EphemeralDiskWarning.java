package org.imageorganizer.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.imageorganizer.config.ConfigurationSources;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.EphemeralDisk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At a server's start on a platform whose disk is ephemeral (see {@link EphemeralDisk}): warns on
 * stderr, which the platform keeps (CloudWatch Logs), and in the log file, when the library or the
 * uploads would live on that disk.
 */
final class EphemeralDiskWarning {
    private static final Logger LOG = LoggerFactory.getLogger(EphemeralDiskWarning.class);

    private final ConfigurationSources sources;
    private final PrintWriter err;

    EphemeralDiskWarning(ConfigurationSources sources, PrintWriter err) {
        this.sources = sources;
        this.err = err;
    }

    void warnIfLost(DatabaseLocation database, Path storage, boolean cloudinary) {
        EphemeralDisk.warnings(EphemeralDisk.platform(sources.variables()), h2Library(database),
                cloudinary ? null : storage.toString()).forEach(warning -> {
                    LOG.warn(warning);
                    err.println("warning: " + warning);
                });
        err.flush();
    }

    /** The H2 file the server will open, or null when it opens a database server (a JDBC URL). */
    private String h2Library(DatabaseLocation database) {
        DatabaseLocation resolved = sources.database(database);
        return resolved.jdbcUrl() != null ? null : resolved.file().toString();
    }
}
