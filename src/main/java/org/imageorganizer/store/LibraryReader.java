package org.imageorganizer.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.TakenRange;
import org.imageorganizer.model.SubCluster;

/**
 * A library read through one plain JDBC connection, for the commands that only read it ({@code tree},
 * {@code list}, {@code export}): no Hibernate and no Flyway, which together cost about 3 s of start-up.
 * It opens only a library whose schema is exactly the one this program's migrations make; for a
 * library that does not exist yet, has an older (or newer) schema, or is read-only, {@link #open} and
 * {@link #connect} give nothing and the caller opens the full {@link LibraryDatabase}, which creates,
 * migrates or explains. Failures to connect (a damaged file, a library locked by a program that does
 * not share it) are the same one-line {@link LibraryException}s as {@link LibraryDatabase}'s. The H2
 * URL is the same too, so a library open in another process is shared through its server.
 *
 * <p>The SQL is the common subset of H2 and PostgreSQL. Thread-safe (one call at a time on the
 * connection); close it once when done.
 */
public final class LibraryReader implements AutoCloseable {
    /** The schema version the migrations ({@link LibraryDatabase#MIGRATIONS}) bring a library to: the highest {@code V<n>__}. */
    static final int SCHEMA_VERSION = 10;

    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private final Connection connection;
    private final String shown;

    private LibraryReader(Connection connection, String shown) {
        this.connection = connection;
        this.shown = shown;
    }

    /**
     * Opens the H2 library at {@code h2File} (the {@code .mv.db} suffix may be left out) for reading.
     *
     * @return the reader, or empty when the file does not exist, its schema is not this program's,
     *         or it is read-only: open it as a {@link LibraryDatabase} then
     * @throws LibraryException if the file cannot be opened (damaged, locked), with a one-line reason
     */
    public static Optional<LibraryReader> open(Path h2File) {
        Path base = LibraryDatabase.h2Base(h2File);
        if (base.toString().contains(";") || !Files.isRegularFile(LibraryDatabase.h2File(base))) {
            return Optional.empty();
        }
        return connect(LibraryDatabase.h2Url(base), "sa", "", base + ".mv.db");
    }

    /**
     * Opens the library at a JDBC URL (H2 or PostgreSQL) for reading.
     *
     * @return the reader, or empty when the database has no library yet, another schema, or is
     *         read-only, or is of another kind: open it as a {@link LibraryDatabase} then
     * @throws LibraryException if the database cannot be reached, with a one-line reason
     */
    public static Optional<LibraryReader> connect(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        return connect(jdbcUrl, user, password, LibraryDatabase.shown(jdbcUrl));
    }

    private static Optional<LibraryReader> connect(String jdbcUrl, String user, String password, String shown) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        Connection connection;
        try {
            if (postgres) {
                DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
            }
            connection = DriverManager.getConnection(jdbcUrl, user, password);
        } catch (SQLException e) {
            throw postgres ? new LibraryException("Cannot open the library " + shown + ": " + PostgresLibrary.reason(e) + ".", e)
                    : LibraryException.cannotOpen(shown, e);
        }
        try {
            if (!connection.getMetaData().isReadOnly() && schemaIsCurrent(connection)) {
                return Optional.of(new LibraryReader(connection, shown));
            }
        } catch (SQLException e) {
            // no history table, say: the full path migrates or explains
        }
        closeQuietly(connection);
        return Optional.empty();
    }

    /** Whether Flyway's history says every migration of this program, and no other, was applied successfully. */
    static boolean schemaIsCurrent(Connection connection) throws SQLException {
        if (!hasHistoryTable(connection)) {
            return false; // a new library: asked first, so that the database does not log a missing table as an error
        }
        int highest = 0;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                try {
                    highest = Math.max(highest, Integer.parseInt(rs.getString(1).strip()));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return highest == SCHEMA_VERSION;
    }

    /** Whether Flyway's history table is there (H2 and PostgreSQL keep its quoted name in lower case). */
    private static boolean hasHistoryTable(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = ?")) {
            s.setString(1, "flyway_schema_history");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /**
     * What duplicate finding reads, through this reader's connection (its writes are refused here:
     * the reader is for reading).
     */
    public ImageFingerprints fingerprints() {
        return new ImageFingerprints(readOnlyTransactions());
    }

    /** The near-duplicate links, read through this reader's connection. */
    public NearDuplicateLinks nearDuplicateLinks() {
        return new NearDuplicateLinks(readOnlyTransactions(), true);
    }

    /** The user's corrections, with their categories' names and words, to carry into another library. */
    public List<LabelCorrections.Carried> corrections() {
        return readOnlyTransactions().inTransaction(LabelCorrections::carried);
    }

    private SqlTransactions readOnlyTransactions() {
        return new SqlTransactions() {
            @Override
            public <T> T inTransaction(SqlWork<T> work) {
                synchronized (LibraryReader.this) {
                    try {
                        boolean autoCommit = connection.getAutoCommit();
                        connection.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
                        try {
                            return work.run(connection);
                        } finally {
                            connection.rollback(); // the reader never writes
                            connection.setAutoCommit(autoCommit);
                        }
                    } catch (SQLException e) {
                        throw failed(e);
                    }
                }
            }
        };
    }

    /** @return as {@link ImageEmbeddings#stamp()} */
    public synchronized long embeddingStamp() {
        try {
            return EmbeddingRows.stamp(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return as {@link ImageEmbeddings#count()} */
    public synchronized int embeddingCount() {
        try {
            return EmbeddingRows.count(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** As {@link ImageEmbeddings#forEach}. */
    public synchronized void forEachEmbedding(java.util.function.Consumer<ImageEmbeddings.Row> sink) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
            try {
                EmbeddingRows.forEach(connection, sink);
            } finally {
                connection.rollback(); // nothing was written
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return the current library version (see {@link LibraryInfo#libraryVersion()}) */
    public long libraryVersion() {
        String value = info(LibraryInfoKeys.LIBRARY_VERSION);
        if (value == null) {
            throw new IllegalStateException("library_info has no value for " + LibraryInfoKeys.LIBRARY_VERSION);
        }
        return Long.parseLong(value);
    }

    /** @return as {@link LibraryInfo#modelId()}: the model the library's embeddings were computed with, empty for a new library */
    public Optional<String> modelId() {
        return Optional.ofNullable(info(LibraryInfoKeys.MODEL_ID));
    }

    /** @return as {@link LibraryInfo#nearDuplicateVeto()}: the claiming model's veto, empty when not recorded */
    public OptionalDouble nearDuplicateVeto() {
        return LibraryInfoKeys.veto(info(LibraryInfoKeys.NEAR_DUPLICATE_VETO));
    }

    /** @return as {@link LibraryInfo#modelImageSize()}: the claiming model's input size, empty when not recorded */
    public OptionalInt modelImageSize() {
        return LibraryInfoKeys.imageSize(info(LibraryInfoKeys.MODEL_IMAGE_SIZE));
    }

    /** A {@code library_info} value; null when it has no row or no value. */
    private synchronized String info(String key) {
        try {
            return LibraryInfo.value(connection, key);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return as {@link ImageRepository#findBySha256}: the image with this content, if the library has it */
    public synchronized Optional<ImageRecord> findBySha256(String sha256) {
        return records(ImageRows.SELECT + " WHERE sha256 = ?", sha256).stream().findFirst();
    }

    /** @return as {@link ImageRepository#groupMembership()}: groups in {@link GroupKey} order, ids ascending */
    public synchronized Map<GroupKey, List<Long>> groupMembership() {
        // sorted maps throughout: a record's hashCode and equals are made at run time on first use (a few ms cold)
        TreeMap<GroupKey, List<Long>> groups = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, object_label, background_label FROM image"
                        + " ORDER BY object_label, background_label, id")) {
            String object = null;
            String background = null;
            List<Long> ids = null;
            while (rs.next()) {
                String rowObject = rs.getString(2);
                String rowBackground = rs.getString(3);
                if (ids == null || !Objects.equals(rowObject, object) || !Objects.equals(rowBackground, background)) {
                    object = rowObject; // the rows of a group come together: its list is looked up once
                    background = rowBackground;
                    ids = groups.computeIfAbsent(new GroupKey(object, background), k -> new ArrayList<>());
                }
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        groups.replaceAll((key, ids) -> List.copyOf(ids));
        return Collections.unmodifiableMap(groups);
    }

    /** @return as {@link ClusterRepository#loadAll()}: every stored clustering, in {@link GroupKey} order */
    public synchronized Map<GroupKey, StoredGroupClustering> clusterings() {
        try {
            return ClusterRepository.loadAll(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return as {@link ClusterRepository#identities()}: every cluster's key, name and cover */
    public synchronized List<ClusterIdentity> clusterIdentities() {
        try {
            return ClusterRepository.identities(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return as {@link ImageLocations#unchangedFiles}: the images whose file is as the library recorded it, by location */
    public synchronized Map<String, ImageRecord> unchangedFiles(Collection<FileStamp> files) {
        try {
            return UnchangedFileQuery.find(connection, files);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return up to {@code limit} images whose id is above {@code afterId}, by ascending id */
    public synchronized List<ImageRecord> listAfter(long afterId, int limit) {
        ImageRows.requirePage(0, limit);
        return records(ImageRows.SELECT + " WHERE id > ? ORDER BY id LIMIT ?", afterId, limit);
    }

    /** @return as {@link ImageRepository#listNewest}: a page of images, newest first, with these labels (null for any) */
    public synchronized List<ImageRecord> listNewest(String object, String background, int offset, int limit) {
        return listNewest(object, background, TakenRange.ANY, offset, limit);
    }

    /** @return as {@link ImageRepository#listNewest}, only the images taken in this range */
    public synchronized List<ImageRecord> listNewest(String object, String background,
            TakenRange taken, int offset, int limit) {
        ImageRows.requirePage(offset, limit);
        try {
            return ImageRows.newest(connection, object, background, taken, offset, limit);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return the number of images with these labels (null for any) */
    public synchronized long count(String object, String background) {
        return count(object, background, TakenRange.ANY);
    }

    /** @return the ids of the images taken in this range, ascending */
    public synchronized long[] idsTaken(TakenRange taken) {
        try {
            return ImageRows.idsTaken(connection, taken);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return the number of images with these labels (null for any) taken in this range */
    public synchronized long count(String object, String background, TakenRange taken) {
        try {
            return ImageRows.count(connection, object, background, taken);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return the image with this id, if any */
    public synchronized Optional<ImageRecord> findById(long id) {
        return records(ImageRows.SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    /** @return the images with these ids, by ascending id; unknown ids are left out */
    public synchronized List<ImageRecord> listByIds(Collection<Long> ids) {
        try {
            return ImageRows.byIds(connection, ids);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private List<ImageRecord> records(String sql, Object... parameters) {
        try {
            return ImageRows.records(connection, sql, parameters);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private LibraryException failed(SQLException e) {
        return new LibraryException("Cannot read the library " + shown + " (" + LibraryException.firstLine(e.getMessage()) + ").", e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was read through it
        }
    }

    /** Closes the connection; the H2 file is released when no other process shares it. */
    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }
}
