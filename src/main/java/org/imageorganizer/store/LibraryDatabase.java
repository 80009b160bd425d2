package org.imageorganizer.store;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.store.migration.V7__categories_and_corrections;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * An open image library: the database, its schema brought up to date by Flyway, and the
 * repositories on top of it. Thread-safe; close it once when done.
 *
 * <p>The H2 file is opened with {@code AUTO_SERVER=TRUE}: while one process has it open, another
 * (say the desktop window while a command-line import runs) connects to it through a local socket,
 * and {@code AUTO_RECONNECT=TRUE} lets it carry on when the first process exits. {@code WRITE_DELAY=0}
 * writes every commit at once, so a killed import loses only the images not yet committed (H2's
 * default delay lost about a second's worth of committed images on {@code kill -9}).
 * {@code TRACE_LEVEL_FILE=4} hands H2's own trace to SLF4J (logger {@code h2database}, so the log file)
 * instead of a {@code .trace.db} file beside the library, and {@code TRACE_LEVEL_SYSTEM_OUT=0} keeps it
 * off the console.
 */
public final class LibraryDatabase implements AutoCloseable {

    private static final String H2_SUFFIX = ".mv.db";
    /** The SQL migrations, and the Java ones (from version 5, where a value must be computed). */
    static final String[] MIGRATIONS = {"classpath:db/migration", "classpath:org/imageorganizer/store/migration"};

    private final Runnable closePool;
    private final HibernateOnDemand hibernate;
    private final ImageRepository images;
    private final ImageLocations locations;
    private final CategoryRepository categories;
    private final LabelCorrections corrections;
    private final ImageLabels labels;
    private final ImageEmbeddings embeddings;
    private final ImageFingerprints fingerprints;
    private final PhotoMetadataRows photoMetadata;
    private final NearDuplicateLinks nearDuplicateLinks;
    private final ClusterRepository clusters;
    private final LibraryInfo info;
    private final RemoteCopyRepository remoteCopies;

    /**
     * @param sql       plain-SQL transactions: the import's writes and the bulk reads
     * @param hibernate Hibernate, started when a query first needs it
     */
    private LibraryDatabase(Runnable closePool, SqlTransactions sql, HibernateOnDemand hibernate, Clock clock) {
        this.closePool = closePool;
        this.hibernate = hibernate;
        this.nearDuplicateLinks = new NearDuplicateLinks(sql);
        this.images = new ImageRepository(sql, clock, nearDuplicateLinks);
        this.locations = new ImageLocations(sql);
        this.embeddings = new ImageEmbeddings(sql);
        this.fingerprints = new ImageFingerprints(sql, nearDuplicateLinks);
        this.photoMetadata = new PhotoMetadataRows(sql);
        this.clusters = new ClusterRepository(sql, clock);
        this.info = new LibraryInfo(sql);
        this.categories = new CategoryRepository(sql);
        this.corrections = new LabelCorrections(sql, clock);
        this.labels = new ImageLabels(sql);
        this.remoteCopies = new RemoteCopyRepository(hibernate, clock);
    }

    /**
     * Opens (creating if needed) the library in an H2 file, shared with other processes.
     *
     * @param h2File the database file, e.g. {@code .../library.mv.db} (the suffix may be left out);
     *               missing parent folders are created
     * @throws LibraryException if the file cannot be used, with a one-line reason
     */
    public static LibraryDatabase open(Path h2File) {
        return opener(h2File).get();
    }

    /**
     * As {@link #open(Path)}; a library that gets its categories now (new, or older than them) takes them from
     * {@code seed} (the user's label settings), else from the defaults.
     */
    public static LibraryDatabase open(Path h2File, LabelSettings seed) {
        Objects.requireNonNull(seed, "seed");
        return opener(h2File, () -> seed).get();
    }

    /**
     * Checks at once what {@link #open} checks before it connects (the path, the folder's permissions),
     * and gives the rest of the open (H2, Flyway, Hibernate: seconds) to run later, on another thread
     * if the caller likes.
     *
     * @throws LibraryException if the file cannot be used, with a one-line reason
     */
    public static Supplier<LibraryDatabase> opener(Path h2File) {
        return opener(h2File, LabelSettings::defaults);
    }

    /**
     * As {@link #opener(Path)}, with the categories' seed of {@link #open(Path, LabelSettings)}, asked for only when
     * the library gets its categories.
     */
    public static Supplier<LibraryDatabase> opener(Path h2File, Supplier<LabelSettings> seed) {
        Objects.requireNonNull(seed, "seed");
        Path base = h2Base(h2File);
        String shown = base + H2_SUFFIX;
        if (base.toString().contains(";")) {
            throw new LibraryException("Cannot open the library " + shown + ": the path must not contain ';'.");
        }
        WritableFolder.check(base.getParent(), shown);
        // "retry:" reopens the file when a thread is interrupted mid-I/O (NIO closes the channel then, and
        // plain "file:" would leave the whole database closed: a cancelled UI task must not break the library)
        return () -> connect(h2Url(base), "sa", "", shown, seed);
    }

    /** Whether the H2 library at {@code h2File} (the {@code .mv.db} suffix may be left out) exists: {@link #open} would not create it. */
    public static boolean exists(Path h2File) {
        return Files.isRegularFile(h2File(h2Base(h2File)));
    }

    /** The H2 file without its {@code .mv.db} suffix, absolute: what H2's URL names. */
    static Path h2Base(Path h2File) {
        Path file = h2File.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        return name.endsWith(H2_SUFFIX)
                ? file.resolveSibling(name.substring(0, name.length() - H2_SUFFIX.length()))
                : file;
    }

    /** The H2 database file the user knows, for {@code base} as {@link #h2Base} gives it. */
    static Path h2File(Path base) {
        return base.resolveSibling(base.getFileName() + H2_SUFFIX);
    }

    /** The JDBC URL of the H2 library whose files start with {@code base} ({@code base.mv.db}). */
    static String h2Url(Path base) {
        return "jdbc:h2:retry:" + base + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
                + ";TRACE_LEVEL_FILE=4;TRACE_LEVEL_SYSTEM_OUT=0";
    }

    /**
     * Opens the library in the database at a JDBC URL: an H2 URL, or a PostgreSQL one
     * ({@code jdbc:postgresql://host:5432/db}), which a pool of connections (HikariCP) serves.
     *
     * @throws LibraryException if the database cannot be used, with a one-line reason
     */
    public static LibraryDatabase connect(String jdbcUrl, String user, String password) {
        return connect(jdbcUrl, user, password, LabelSettings::defaults);
    }

    /** As {@link #connect(String, String, String)}, with the categories' seed of {@link #open(Path, LabelSettings)}. */
    public static LibraryDatabase connect(String jdbcUrl, String user, String password, Supplier<LabelSettings> seed) {
        return connect(jdbcUrl, user, password, shown(jdbcUrl), Objects.requireNonNull(seed, "seed"));
    }

    /** The URL without its query (which may carry a password). */
    static String shown(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static LibraryDatabase connect(String jdbcUrl, String user, String password, String shown,
            Supplier<LabelSettings> seed) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return PostgresLibrary.open(jdbcUrl, user, password, shown, seed);
        }
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            throw new LibraryException("Cannot open the library " + shown
                    + ": only H2 (jdbc:h2:…) and PostgreSQL (jdbc:postgresql://…) databases are supported.");
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user, password);
        try {
            probe(pool, shown);
            migrateUnlessCurrent(pool, shown, seed);
            SchemaCheck.check(pool, shown);
            return new LibraryDatabase(pool::dispose, SqlTransactions.on(pool),
                    new HibernateOnDemand(() -> bootHibernate(pool, shown)), Clock.systemUTC());
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** A library on a PostgreSQL database whose pool Hibernate owns. */
    static LibraryDatabase onPostgres(EntityManagerFactory emf) {
        HibernateOnDemand hibernate = HibernateOnDemand.started(emf);
        return new LibraryDatabase(() -> { }, hibernate.sql(), hibernate, Clock.systemUTC());
    }

    /** Opens one connection first, so that the common failures get a clear message. */
    static void probe(DataSource dataSource, String shown) {
        try (Connection c = dataSource.getConnection()) {
            if (c.getMetaData().isReadOnly()) {
                throw new LibraryException("Cannot open the library " + shown
                        + ": it is read-only; check the file's permissions.");
            }
        } catch (SQLException e) {
            throw LibraryException.cannotOpen(shown, e);
        }
    }

    /**
     * Runs Flyway unless its history table already says this program's schema is in place, read with one
     * query: Flyway's own start (its classes, the scan of the migrations) costs about 0.7 s, which every
     * start of an up-to-date library would pay for nothing. Hibernate's validation still checks the
     * tables against the entities either way.
     */
    static void migrateUnlessCurrent(DataSource dataSource, String shown, Supplier<LabelSettings> seed) {
        try (Connection c = dataSource.getConnection()) {
            if (LibraryReader.schemaIsCurrent(c)) {
                return;
            }
        } catch (SQLException e) {
            // no history table yet (a new library): Flyway creates it
        }
        migrate(dataSource, shown, seed);
    }

    static void migrate(DataSource dataSource, String shown, Supplier<LabelSettings> seed) {
        try {
            flyway(seed).dataSource(dataSource).load().migrate();
        } catch (FlywayException e) {
            throw new LibraryException("Cannot open the library " + shown + ": its schema could not be updated ("
                    + LibraryException.firstLine(e.getMessage()) + ").", e);
        }
    }

    /** Flyway with this program's migrations, the categories' seed given to the migration that needs it (V7). */
    static FluentConfiguration flyway(Supplier<LabelSettings> seed) {
        return Flyway.configure()
                .locations(MIGRATIONS)
                .placeholders(Map.of(V7__categories_and_corrections.SEED_PLACEHOLDER, V7__categories_and_corrections.placeholder(seed.get())));
    }

    private static EntityManagerFactory bootHibernate(DataSource dataSource, String shown) {
        try {
            return configuration()
                    .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .createEntityManagerFactory();
        } catch (RuntimeException e) {
            throw schemaMismatch(shown, e);
        }
    }

    /** Hibernate's settings for the library, without the connection. */
    static HibernatePersistenceConfiguration configuration() {
        return new HibernatePersistenceConfiguration("library")
                    .managedClasses(ImageEntity.class, RemoteCopyEntity.class)
                    .property(SchemaToolingSettings.HBM2DDL_AUTO, "validate")
                    // failures reach the caller as exceptions (DuplicateImageException...); no WARN lines too
                    .property(JdbcSettings.LOG_JDBC_ERRORS, false)
                    .property(JdbcSettings.LOG_JDBC_WARNINGS, false)
                    // parse each HQL string once (the import looks up every file's hash)
                    .property(QuerySettings.QUERY_PLAN_CACHE_ENABLED, true)
                    .showSql(false, false, false);
    }

    static LibraryException schemaMismatch(String shown, RuntimeException e) {
        return new LibraryException("Cannot open the library " + shown
                + ": its schema does not match this program (" + LibraryException.firstLine(rootMessage(e)) + ").", e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * Starts the library's Hibernate on a thread of background priority, for a process (the server, the
     * window) that may sync or remove photos, which go through it; nothing else does (ADR 0039).
     */
    public void prepareQueries() {
        hibernate.startInBackground();
    }

    /** Whether Hibernate has started in this process (tests: which calls need it). */
    boolean queriesStarted() {
        return hibernate.started();
    }

    /** @return the images */
    public ImageRepository images() {
        return images;
    }

    /** @return where the images' files are, and which of them are unchanged since they were read */
    public CategoryRepository categories() {
        return categories;
    }

    public LabelCorrections corrections() {
        return corrections;
    }

    /** What a re-sort reads and writes. */
    public ImageLabels labels() {
        return labels;
    }

    public ImageLocations locations() {
        return locations;
    }

    /** @return the images' embeddings in bulk, for the search index */
    public ImageEmbeddings embeddings() {
        return embeddings;
    }

    /** @return what duplicate finding reads of the images, in bulk */
    public ImageFingerprints fingerprints() {
        return fingerprints;
    }

    /** @return the images' dates taken and cameras, for filling them in for photos imported before they were read */
    public PhotoMetadataRows photoMetadata() {
        return photoMetadata;
    }

    /** @return the near-duplicate links kept at import (give it a linker, or photos hashed leave them incomplete) */
    public NearDuplicateLinks nearDuplicateLinks() {
        return nearDuplicateLinks;
    }

    /** @return the stored sub-clusterings */
    public ClusterRepository clusters() {
        return clusters;
    }

    /** @return library-wide settings: model id and library version */
    public LibraryInfo info() {
        return info;
    }

    /** @return the images' copies in the cloud and how their uploads went */
    public RemoteCopyRepository remoteCopies() {
        return remoteCopies;
    }

    /** Closes the library; the database file is released when no other process shares it. */
    @Override
    public void close() {
        try {
            hibernate.close();
        } finally {
            closePool.run();
        }
    }
}
