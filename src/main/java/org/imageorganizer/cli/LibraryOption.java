package org.imageorganizer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by the commands. */
final class LibraryOption {
    @Option(names = "--db", paramLabel = "FILE",
            description = "Library database file (default: the per-user data folder).")
    Path database;
}
