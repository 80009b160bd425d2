package org.imageorganizer.config;

import java.nio.file.Path;

/**
 * Where the library is: an H2 file, or a database server at a JDBC URL. Both null means the
 * environment (IMAGE_ORGANIZER_DB_URL), then the settings, then the per-user default file.
 *
 * @param file     an H2 database file, or null
 * @param jdbcUrl  a JDBC URL such as {@code jdbc:postgresql://db:5432/library}, or null
 * @param user     the database user (for a URL)
 * @param password the password (for a URL); never logged
 */
public record DatabaseLocation(Path file, String jdbcUrl, String user, String password) {
    public static final DatabaseLocation DEFAULT = new DatabaseLocation(null, null, null, null);

    public static DatabaseLocation file(Path file) {
        return new DatabaseLocation(file, null, null, null);
    }

    @Override
    public String toString() {
        return file != null ? file.toString() : jdbcUrl != null ? jdbcUrl.replaceFirst("\\?.*", "") : "(default)";
    }
}
