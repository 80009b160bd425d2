package org.imageorganizer.store;

import java.util.Optional;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a test's library lives: an H2 file in a folder, or a new database on one embedded
 * PostgreSQL server (real PostgreSQL binaries from Maven Central) shared by the whole test run.
 * {@link #open()} may be called again to reopen the same library.
 */
public interface TestDatabase {

    LibraryDatabase open();

    /** The library read through plain JDBC, as the read-only commands read it (once it was opened). */
    Optional<LibraryReader> reader();

    static TestDatabase h2(Path folder) {
        Path file = folder.resolve("library.mv.db");
        return new TestDatabase() {
            @Override
            public LibraryDatabase open() {
                return LibraryDatabase.open(file);
            }

            @Override
            public Optional<LibraryReader> reader() {
                return LibraryReader.open(file);
            }
        };
    }

    /** A new, empty PostgreSQL database. */
    static TestDatabase postgres() {
        String url = Postgres.newDatabase();
        return new TestDatabase() {
            @Override
            public LibraryDatabase open() {
                return LibraryDatabase.connect(url, Postgres.USER, "");
            }

            @Override
            public Optional<LibraryReader> reader() {
                return LibraryReader.connect(url, Postgres.USER, "");
            }
        };
    }

    /** The JDBC URL of a new, empty PostgreSQL database (for tests that start whole programs). */
    static String newPostgresUrl() {
        return Postgres.newDatabase();
    }

    /** The embedded server, started on first use and stopped when the JVM exits. */
    final class Postgres {
        static final String USER = "postgres";
        private static final AtomicInteger NUMBER = new AtomicInteger();
        private static EmbeddedPostgres server;

        private Postgres() {
        }

        static synchronized String newDatabase() {
            try {
                if (server == null) {
                    server = EmbeddedPostgres.builder().start();
                    EmbeddedPostgres started = server;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            started.close();
                        } catch (IOException e) {
                            // the JVM is going away
                        }
                    }));
                }
                String name = "library_" + ProcessHandle.current().pid() + "_" + NUMBER.incrementAndGet();
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
                return server.getJdbcUrl(USER, name);
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL could not start", e);
            } catch (SQLException e) {
                throw new IllegalStateException("the embedded PostgreSQL refused a new database", e);
            }
        }
    }
}
