package org.imageorganizer.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.imageorganizer.config.DatabaseLocation;

/**
 * The library that a command which only reads it ({@code tree}, {@code list}, {@code export}) will ask for, told
 * from the raw arguments before picocli parses them: building the command line takes about 0.1 s of a cold start,
 * and the library can be opened on another thread meanwhile (ADR 0040). This is a guess that the caller checks: the
 * command takes the library opened ahead only when the location it asks for equals this one. Anything unusual
 * (another command, a request for help or the version, an option given twice or without its value, an argument
 * file, options that contradict each other) gives nothing, and the command opens the library itself.
 */
public final class ReadOnlyCommandLine {
    private static final Set<String> COMMANDS = Set.of(TreeCommand.NAME, ListCommand.NAME, ExportCommand.NAME);
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
    private static final Set<String> LIBRARY_OPTIONS = Set.of(LibraryOption.DB, LibraryOption.DB_URL, LibraryOption.DB_USER,
            LibraryOption.DB_PASSWORD_FILE);

    private ReadOnlyCommandLine() {
    }

    /**
     * @param args the program's arguments, as {@code main} has them
     * @return the location the command will pass to {@link CliServices#readLibrary}, or empty when these arguments
     *         do not plainly run one of the read-only commands
     */
    public static Optional<DatabaseLocation> library(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return Optional.empty();
        }
        LibraryOption option = new LibraryOption();
        Set<String> given = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break; // only positional parameters follow
            }
            if (HELP.contains(arg) || arg.startsWith("@")) {
                return Optional.empty();
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (!LIBRARY_OPTIONS.contains(name)) {
                continue;
            }
            if (equals < 0 && i + 1 == args.length || !given.add(name)) {
                return Optional.empty();
            }
            if (!set(option, name, equals > 0 ? arg.substring(equals + 1) : args[++i])) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(option.location());
        } catch (UserException e) {
            return Optional.empty();
        }
    }

    private static boolean set(LibraryOption option, String name, String value) {
        try {
            switch (name) {
                case LibraryOption.DB -> option.database = Path.of(value);
                case LibraryOption.DB_URL -> option.url = value;
                case LibraryOption.DB_USER -> option.user = value;
                default -> option.passwordFile = Path.of(value);
            }
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
