package org.imageorganizer.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.EphemeralDisk;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At a server's start on a platform whose disk is ephemeral (see {@link EphemeralDisk}): warns on
 * stderr, which the platform keeps (CloudWatch Logs), and in the log file, when the library or the
 * uploads would live on that disk.
 */
final class EphemeralDiskWarning {
    private static final Logger LOG = LoggerFactory.getLogger(EphemeralDiskWarning.class);

    private final Map<String, String> variables;
    private final PrintWriter err;

    EphemeralDiskWarning(Map<String, String> variables, PrintWriter err) {
        this.variables = variables;
        this.err = err;
    }

    void warnIfLost(DatabaseLocation database, Environment environment, Settings settings, Path storage, boolean cloudinary) {
        EphemeralDisk.warnings(EphemeralDisk.platform(variables), h2Library(database, environment, settings),
                cloudinary ? null : storage.toString()).forEach(warning -> {
                    LOG.warn(warning);
                    err.println("warning: " + warning);
                });
        err.flush();
    }

    /** The H2 file the server will open, or null when it opens a database server (a JDBC URL). */
    private String h2Library(DatabaseLocation database, Environment environment, Settings settings) {
        if (database.jdbcUrl() != null) {
            return null;
        }
        if (database.file() != null) {
            return database.file().toString();
        }
        String url = variables.get(AppServices.DB_URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return null;
        }
        return (settings.database() != null ? Path.of(settings.database()) : environment.defaultDatabase()).toString();
    }
}
