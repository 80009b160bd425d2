package org.imageorganizer.app;

import java.util.Map;
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
        Optional<DatabaseLocation> asked = ReadOnlyCommandLine.library(args);
        if (asked.isEmpty()) {
            return NONE;
        }
        CompletableFuture<Settings> settings = Futures.onNewThread("settings-read-ahead", true,
                () -> new SettingsStore(environment.settingsFile()).loadOrDefaults());
        return new LibraryReadAhead(Futures.onNewThread("library-read-ahead", true, () -> {
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
        if (ahead.isPresent() && location.equals(ahead.get().location())) {
            return ahead.get().get();
        }
        ahead.flatMap(Ahead::reader).ifPresent(LibraryReader::close);
        return open.apply(location);
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
