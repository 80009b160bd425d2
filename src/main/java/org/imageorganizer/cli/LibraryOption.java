package org.imageorganizer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imageorganizer.config.DatabaseLocation;
import picocli.CommandLine.Option;

/** The options that say where the library is, shared by the commands. */
final class LibraryOption {
    static final String DB = "--db";
    static final String DB_URL = "--db-url";
    static final String DB_USER = "--db-user";
    static final String DB_PASSWORD_FILE = "--db-password-file";

    @Option(names = DB, paramLabel = "FILE",
            description = "Library database file (default: env IMAGE_ORGANIZER_DB_URL, the settings, or the per-user data folder).")
    Path database;

    @Option(names = DB_URL, paramLabel = "URL",
            description = "A database server instead of a file, e.g. jdbc:postgresql://host:5432/library (env IMAGE_ORGANIZER_DB_URL).")
    String url;

    @Option(names = DB_USER, paramLabel = "USER", description = "Database user for --db-url (env IMAGE_ORGANIZER_DB_USER).")
    String user;

    @Option(names = DB_PASSWORD_FILE, paramLabel = "F",
            description = "File holding the password for --db-url, first line (env IMAGE_ORGANIZER_DB_PASSWORD or _PASSWORD_FILE).")
    Path passwordFile;

    DatabaseLocation location() {
        if (database != null && url != null) {
            throw new UserException("Give either --db or --db-url, not both.");
        }
        if (url == null) {
            return database == null ? DatabaseLocation.DEFAULT : DatabaseLocation.file(database);
        }
        return new DatabaseLocation(null, url, user, passwordFile == null ? null : readPassword(passwordFile));
    }

    static String readPassword(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new UserException("Cannot read the password file " + file + ": " + e.getMessage());
        }
    }
}
