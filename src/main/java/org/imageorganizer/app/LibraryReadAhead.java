package org.imageorganizer.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.imageorganizer.cli.ReadOnlyCommandLine;
import org.imageorganizer.common.Futures;
import org.imageorganizer.config.ConfigurationSources;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.Settings;
import org.imageorganizer.config.SettingsStore;
import org.imageorganizer.store.LibraryReader;

/**
 * The library of a read-only command ({@code tree}, {@code list}, {@code export}), opened on a second thread from
 * the moment {@code main} has its arguments, while the main thread starts the logging and builds the command line;
 * the command takes it when it asks for the same library (ADR 0040). Opening an H2 library costs about 0.3 s of a
 * cold start (its classes, the file lock, the server that lets another process share the file), which this hides
 * on a machine with two cores or more.
 *
 * <p>The command's behaviour does not change: it gets the reader, the "open it on the full path" answer, or the
 * failure that opening the same location would give it now. What differs is when the library was opened, and that
 * a command line which turns out wrong (an unknown option, say) opened and closed the library for nothing. The
 * settings are read here, on a third thread, to find the library (when the options do not name it) and to have
 * Jackson ready, without a word: the command reads them again as always, and says what is wrong with them.
 *
 * <p>Nothing here may log before the logging has started on the main thread: SLF4J hands a thread that asks for a
 * logger while another one starts it a stand-in that records the calls, and then prints a warning about them on
 * stderr. Until then the library thread only loads H2's engine, on an in-memory database that traces nothing.
 */
final class LibraryReadAhead implements AutoCloseable {
    private static final LibraryReadAhead NONE = new LibraryReadAhead(null);

    private final CompletableFuture<Ahead> opening;
    private boolean taken;

    /** What the look ahead found: the library's location, and its reader or why it could not be opened. */
    private record Ahead(DatabaseLocation location, Optional<LibraryReader> reader, RuntimeException failure) {
        Optional<LibraryReader> get() {
            if (failure != null) {
                throw failure;
            }
            return reader;
        }
    }

    private LibraryReadAhead(CompletableFuture<Ahead> opening) {
        this.opening = opening;
    }

    /** Nothing read ahead: every library is opened when asked for. */
    static LibraryReadAhead none() {
        return NONE;
    }

    /**
     * Starts opening the library that {@code args} name when they run a read-only command (see
     * {@link ReadOnlyCommandLine#library}), where the environment, the variables and the settings put it; else
     * does nothing.
     */
    static LibraryReadAhead start(String[] args, Environment environment, Map<String, String> variables) {
        return start(args, environment, variables, CompletableFuture.completedFuture(null));
    }

    /**
     * As {@link #start(String[], Environment, Map)}, in a process whose logging starts meanwhile.
     *
     * @param logging completes once the logging has started (see the class's comment)
     */
    static LibraryReadAhead start(String[] args, Environment environment, Map<String, String> variables,
            CompletableFuture<?> logging) {
        Optional<DatabaseLocation> asked = ReadOnlyCommandLine.library(args);
        if (asked.isEmpty()) {
            return NONE;
        }
        // read in any case, beside the open: the command's own read of the settings then finds Jackson ready
        CompletableFuture<Settings> settings = Futures.onNewThread("settings-read-ahead", true, () -> {
            logging.join();
            return new SettingsStore(environment.settingsFile()).loadOrDefaults();
        });
        boolean h2 = asked.get().jdbcUrl() == null ? variables.get(ConfigurationSources.DB_URL_VARIABLE) == null
                : asked.get().jdbcUrl().startsWith("jdbc:h2:");
        return new LibraryReadAhead(Futures.onNewThread("library-read-ahead", true, () -> {
            if (h2 && !logging.isDone()) {
                loadH2();
            }
            logging.join();
            // the settings are waited for only when they say where the library is
            DatabaseLocation location = new ConfigurationSources(environment, variables, () -> Futures.join(settings))
                    .database(asked.get());
            try {
                return new Ahead(location, open(location), null);
            } catch (RuntimeException e) {
                return new Ahead(location, Optional.empty(), e);
            }
        }));
    }

    /**
     * Loads H2's engine (about two thirds of the cost of opening a library on a cold start) on an in-memory database
     * that traces nothing, so that nothing is logged; any failure is left to the real open.
     */
    private static void loadH2() {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0");
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'X'").close();
        } catch (SQLException e) {
            // the library's own open says what is wrong, if anything
        }
    }

    /** As {@link Core#openReader} for a location found already. */
    private static Optional<LibraryReader> open(DatabaseLocation location) {
        return location.jdbcUrl() != null ? LibraryReader.connect(location.jdbcUrl(), location.user(), location.password())
                : LibraryReader.open(location.file());
    }

    /**
     * The reader of the library at {@code location} (where the sources put it): the one opened ahead when it was
     * opened at this location (once), else what {@code open} gives now.
     *
     * @throws RuntimeException what opening the library ahead threw (as {@code open} would throw it now)
     */
    Optional<LibraryReader> reader(DatabaseLocation location, Function<DatabaseLocation, Optional<LibraryReader>> open) {
        Optional<Ahead> ahead = take();
        if (ahead.isPresent() && same(location, ahead.get().location())) {
            return ahead.get().get();
        }
        ahead.flatMap(Ahead::reader).ifPresent(LibraryReader::close);
        return open.apply(location);
    }

    /** As {@code a.equals(b)}, without the run-time bootstrap of a record's equals (a few ms on a cold start). */
    private static boolean same(DatabaseLocation a, DatabaseLocation b) {
        return Objects.equals(a.file(), b.file()) && Objects.equals(a.jdbcUrl(), b.jdbcUrl())
                && Objects.equals(a.user(), b.user()) && Objects.equals(a.password(), b.password());
    }

    /**
     * What was opened ahead, once it is (the first call only); empty when nothing was, or the location could not
     * be told (the command's own open says why).
     */
    private Optional<Ahead> take() {
        synchronized (this) {
            if (opening == null || taken) {
                return Optional.empty();
            }
            taken = true;
        }
        try {
            return Optional.of(Futures.join(opening));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Closes the library opened ahead if no command took it (waiting for the open to finish). */
    @Override
    public void close() {
        take().flatMap(Ahead::reader).ifPresent(LibraryReader::close);
    }
}
