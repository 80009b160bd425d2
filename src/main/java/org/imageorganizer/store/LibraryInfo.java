package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Library-wide settings: the model the embeddings belong to, the library's id, and the library
 * version, a counter that grows with every insert and delete so that stale clusterings can be recognised.
 * Plain SQL on {@code library_info}'s rows (ADR 0039). Thread-safe; every call runs in its own short transaction.
 */
public final class LibraryInfo {
    private static final String SELECT = "SELECT info_value FROM library_info WHERE info_key = ?";

    private final SqlTransactions sql;

    LibraryInfo(SqlTransactions sql) {
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** @return the current library version, 0 for a new library */
    public long libraryVersion() {
        return sql.inTransaction(c -> Long.parseLong(required(c, LibraryInfoKeys.LIBRARY_VERSION)));
    }

    /** @return the model the library's embeddings were computed with, empty for a new library */
    public Optional<String> modelId() {
        return Optional.ofNullable(value(LibraryInfoKeys.MODEL_ID));
    }

    /**
     * The near-duplicate veto of the model that claimed the library, as recorded by
     * {@link #claimModel(String, double, int)}; empty for a library claimed before it was recorded.
     */
    public OptionalDouble nearDuplicateVeto() {
        return LibraryInfoKeys.veto(value(LibraryInfoKeys.NEAR_DUPLICATE_VETO));
    }

    /**
     * The input image size of the model that claimed the library, as recorded by
     * {@link #claimModel(String, double, int)}; empty for a library claimed before it was recorded.
     */
    public OptionalInt modelImageSize() {
        return LibraryInfoKeys.imageSize(value(LibraryInfoKeys.MODEL_IMAGE_SIZE));
    }

    /**
     * Records {@code modelId} as the library's model if it has none yet, or checks that it is the same.
     * The claim is a conditional update, so two processes claiming at once cannot both win.
     *
     * @param modelId the model in use
     * @throws ModelMismatchException if the library was built with another model
     */
    public void claimModel(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        sql.inTransaction(c -> {
            claim(c, modelId);
            return null;
        });
    }

    /**
     * As {@link #claimModel(String)}, and records the model's near-duplicate veto and input image size, so that
     * a process that cannot find the model's folder (given on another command's line, moved) still stacks and
     * hashes as the model does. A later claim with other values (the manifest changed) replaces them.
     *
     * @param nearDuplicateVeto the model's minimum CLIP cosine for a near-duplicate
     * @param imageSize         the model's input image size in pixels
     * @throws ModelMismatchException if the library was built with another model (nothing is recorded then)
     */
    public void claimModel(String modelId, double nearDuplicateVeto, int imageSize) {
        Objects.requireNonNull(modelId, "modelId");
        if (!Double.isFinite(nearDuplicateVeto) || imageSize <= 0) {
            throw new IllegalArgumentException("veto " + nearDuplicateVeto + ", image size " + imageSize);
        }
        sql.inTransaction(c -> {
            // the model row's lock, held to the commit, serialises claims: a missing row is inserted by one of them
            try (PreparedStatement s = c.prepareStatement(SELECT + " FOR UPDATE")) {
                s.setString(1, LibraryInfoKeys.MODEL_ID);
                s.executeQuery().close();
            }
            claim(c, modelId);
            put(c, LibraryInfoKeys.NEAR_DUPLICATE_VETO, Double.toString(nearDuplicateVeto));
            put(c, LibraryInfoKeys.MODEL_IMAGE_SIZE, Integer.toString(imageSize));
            return null;
        });
    }

    private static void claim(Connection c, String modelId) throws SQLException {
        int claimed = claimIfUnset(c, LibraryInfoKeys.MODEL_ID, modelId);
        if (claimed == 0) {
            String existing = required(c, LibraryInfoKeys.MODEL_ID);
            if (!existing.equals(modelId)) {
                throw new ModelMismatchException(existing, modelId);
            }
        }
    }

    /**
     * Sets a value, inserting its row when the library has none (one made before the key existed); the caller
     * holds the model row's lock, so no other process inserts the same row meanwhile.
     */
    private static void put(Connection c, String key, String value) throws SQLException {
        if (update(c, "UPDATE library_info SET info_value = ? WHERE info_key = ?", value, key) == 0) {
            update(c, "INSERT INTO library_info (info_value, info_key) VALUES (?, ?)", value, key);
        }
    }

    private String value(String key) {
        return sql.inTransaction(c -> value(c, key));
    }

    /**
     * The library's id, a random UUID given on first use and kept for good: the storage folder's
     * marker names it, so that a folder is never reconciled with another library's database. Two
     * processes asking at once get the same id (the claim is a conditional update, as for the model).
     */
    public String libraryId() {
        String candidate = UUID.randomUUID().toString();
        return sql.inTransaction(c -> {
            claimIfUnset(c, LibraryInfoKeys.LIBRARY_ID, candidate);
            return required(c, LibraryInfoKeys.LIBRARY_ID);
        });
    }

    /**
     * Adds one to the library version inside the caller's transaction. A single UPDATE, so the row
     * lock it takes serialises concurrent writers until they commit.
     */
    static void bumpVersion(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE library_info"
                + " SET info_value = CAST(CAST(info_value AS BIGINT) + 1 AS VARCHAR(1024)) WHERE info_key = ?")) {
            s.setString(1, LibraryInfoKeys.LIBRARY_VERSION);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("library_info has no " + LibraryInfoKeys.LIBRARY_VERSION + " row");
            }
        }
    }

    /**
     * Steps the library version and the label serial: some photos' labels changed without any photo being added or
     * removed (a correction, a re-sort, a renamed or removed category), so that the groups are read again.
     */
    static void labelsChanged(Connection c) throws SQLException {
        bumpVersion(c);
        try (PreparedStatement s = c.prepareStatement("UPDATE library_info"
                + " SET info_value = CAST(CAST(info_value AS BIGINT) + 1 AS VARCHAR(1024)) WHERE info_key = ?")) {
            s.setString(1, LibraryInfoKeys.LABEL_SERIAL);
            s.executeUpdate();
        }
    }

    /** Counts the changes of existing photos' labels (see {@link #labelsChanged}); 0 for a library without any. */
    public long labelSerial() {
        String value = value(LibraryInfoKeys.LABEL_SERIAL);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Below this confidence a photo's label is "other"; the default when the library has none recorded. */
    public double confidenceThreshold() {
        return LibraryInfoKeys.threshold(value(LibraryInfoKeys.CONFIDENCE_THRESHOLD));
    }

    /**
     * Sets the confidence below which a photo's label is "other" (the caller re-sorts the library).
     *
     * @throws IllegalArgumentException unless it is at least 0 and below 1
     */
    public void confidenceThreshold(double threshold) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("The confidence threshold is at least 0 and below 1, not " + threshold + ".");
        }
        sql.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " FOR UPDATE")) {
                s.setString(1, LibraryInfoKeys.MODEL_ID); // the row lock that serialises inserts of missing rows
                s.executeQuery().close();
            }
            put(c, LibraryInfoKeys.CONFIDENCE_THRESHOLD, Double.toString(threshold));
            bumpVersion(c);
            return null;
        });
    }

    /** Sets a value that has none yet, in one conditional UPDATE; returns the rows updated (0 when it had one). */
    private static int claimIfUnset(Connection c, String key, String value) throws SQLException {
        return update(c, "UPDATE library_info SET info_value = ? WHERE info_key = ? AND info_value IS NULL", value, key);
    }

    private static int update(Connection c, String statement, String value, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, value);
            s.setString(2, key);
            return s.executeUpdate();
        }
    }

    /** A value of {@code library_info} on the caller's connection; null when the row or its value is missing. */
    static String value(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String required(Connection c, String key) throws SQLException {
        String value = value(c, key);
        if (value == null) {
            throw new IllegalStateException("library_info has no value for " + key);
        }
        return value;
    }
}
