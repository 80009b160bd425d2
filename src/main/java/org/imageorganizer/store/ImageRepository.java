package org.imageorganizer.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.TakenRange;
import org.imageorganizer.model.StorageKind;

/**
 * The images of the library (where their files are, and when an indexed file last changed, is
 * {@link ImageLocations}'). Thread-safe: every call is one short transaction. Inserts and deletes add
 * one to the library version in the same transaction.
 *
 * <p>Plain SQL (ADR 0039): an import, the clustering and the pages of the server and the window never wait
 * for Hibernate to start. {@link ImageRows} holds the queries the read-only {@link LibraryReader} shares.
 */
public final class ImageRepository {

    /** SQLSTATE of a unique-constraint violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";


    private static final String INSERT = "INSERT INTO image (sha256, location, file_name, byte_size, width, height,"
            + " format, imported_at, storage, object_label, object_confidence, background_label, background_confidence,"
            + " embedding, embedding_dim, model_id, file_modified_ns, perceptual_hash, hash_serial, predicted_object,"
            + " predicted_background, taken_local, taken_offset_s, taken_from, camera_make, camera_model, metadata_read)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final SqlTransactions sql;
    private final Clock clock;
    private final NearDuplicateLinks links;

    /**
     * @param sql       each call's transaction
     * @param clock     gives the import time of new images
     * @param links     links each new image to its near-duplicates in the transaction that adds it
     */
    ImageRepository(SqlTransactions sql, Clock clock, NearDuplicateLinks links) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.links = Objects.requireNonNull(links, "links");
    }

    /** @return the image with this content, if the library has it */
    public Optional<ImageRecord> findBySha256(String sha256) {
        return first(ImageRows.SELECT + " WHERE sha256 = ?", sha256);
    }

    /** @return the image with this id, if any */
    public Optional<ImageRecord> findById(long id) {
        return first(ImageRows.SELECT + " WHERE id = ?", id);
    }

    private Optional<ImageRecord> first(String query, Object value) {
        return sql.inTransaction(c -> ImageRows.records(c, query, value).stream().findFirst());
    }

    /** @return the embedding of this image, if the image exists and has one */
    public Optional<float[]> embeddingOf(long id) {
        return sql.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT embedding, embedding_dim FROM image WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(embedding(rs, 1)) : Optional.<float[]>empty();
                }
            }
        });
    }

    /**
     * Adds an image.
     *
     * @return the stored record, with its id and import time
     * @throws DuplicateImageException if the library already has an image with this SHA-256
     */
    public ImageRecord insert(NewImage image) {
        Objects.requireNonNull(image, "image");
        try {
            long id = insertAll(List.of(image)).get(0);
            return findById(id).orElseThrow();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                Optional<ImageRecord> existing = findBySha256(image.sha256());
                if (existing.isPresent()) {
                    throw new DuplicateImageException(existing.get(), e);
                }
            }
            throw e;
        }
    }

    /**
     * Adds several images in one transaction and one library version step: the import stores each
     * batch of images that leave the model together this way. All or nothing: on any failure
     * (a duplicate among them, say) nothing is stored and the exception is thrown, so the caller can
     * fall back to {@link #insert} one by one.
     *
     * @return the new images' ids, in the order given
     */
    public List<Long> insertAll(List<NewImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        images.forEach(image -> Objects.requireNonNull(image, "image"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return sql.inTransaction(c -> {
            long serial = NearDuplicateLinks.lock(c); // before any row is written
            List<Long> ids = new ArrayList<>(images.size());
            List<NearDuplicateLinks.HashedImage> added = new ArrayList<>(images.size());
            try (PreparedStatement insert = c.prepareStatement(INSERT, new String[] {"id"})) {
                for (NewImage image : images) {
                    long id = insertRow(insert, image, now, serial);
                    ids.add(id);
                    added.add(new NearDuplicateLinks.HashedImage(id, image.perceptualHash()));
                    if (image.storage() == StorageKind.INDEXED) {
                        // the place an indexed image is read from is its first location (ImageLocations)
                        LocationRows.record(c, id, image.location(), image.fileName(), image.fileModifiedNanos(), now);
                    }
                }
            }
            links.link(c, serial, added);
            LabelCorrections.applyTo(c, ids); // content the user corrected before (removed, or in another library)
            LibraryInfo.bumpVersion(c);
            return List.copyOf(ids);
        });
    }

    /** Inserts one row with {@link #INSERT}; its hash serial is the transaction's when it has a hash. */
    private static long insertRow(PreparedStatement insert, NewImage image, Instant now, long serial) throws SQLException {
        float[] vector = image.embedding();
        byte[] hash = image.perceptualHash();
        insert.setString(1, image.sha256());
        insert.setString(2, image.location());
        insert.setString(3, image.fileName());
        insert.setLong(4, image.byteSize());
        insert.setInt(5, image.width());
        insert.setInt(6, image.height());
        insert.setString(7, image.format());
        insert.setObject(8, now.atOffset(ZoneOffset.UTC));
        insert.setString(9, image.storage().name());
        insert.setString(10, image.classification().object().name());
        insert.setDouble(11, image.classification().object().confidence());
        insert.setString(12, image.classification().background().name());
        insert.setDouble(13, image.classification().background().confidence());
        insert.setBytes(14, EmbeddingCodec.encode(vector));
        insert.setInt(15, vector.length);
        insert.setString(16, image.modelId());
        insert.setObject(17, image.fileModifiedNanos(), Types.BIGINT);
        insert.setBytes(18, hash);
        insert.setObject(19, hash == null ? null : serial, Types.BIGINT);
        insert.setString(20, image.classification().object().name()); // the model's, kept apart from corrections
        insert.setString(21, image.classification().background().name());
        ImageRows.bindMetadata(insert, 22, image.metadata());
        insert.setBoolean(27, image.metadata() != null);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database gave no id for the new image " + image.sha256());
            }
            return keys.getLong(1);
        }
    }

    /**
     * Removes an image; its cluster membership and near-duplicate links go with it (ON DELETE CASCADE).
     *
     * @return true if the image existed
     */
    public boolean delete(long id) {
        boolean deleted = sql.inTransaction(c -> {
            NearDuplicateLinks.lock(c); // no photo goes while another's links to it are written
            try (PreparedStatement s = c.prepareStatement("DELETE FROM image WHERE id = ?")) {
                s.setLong(1, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            LibraryInfo.bumpVersion(c);
            return true;
        });
        if (deleted) {
            links.removed(id);
        }
        return deleted;
    }

    /** @return up to {@code limit} images from position {@code offset}, by ascending id */
    public List<ImageRecord> list(int offset, int limit) {
        ImageRows.requirePage(offset, limit);
        return sql.inTransaction(c -> ImageRows.records(c, ImageRows.SELECT + " ORDER BY id LIMIT ? OFFSET ?", limit, offset));
    }

    /**
     * A page of images, newest first, optionally only those with an object and/or background label.
     *
     * @param object     an object label, or null for any
     * @param background a background label, or null for any
     */
    public List<ImageRecord> listNewest(String object, String background, int offset, int limit) {
        return listNewest(object, background, TakenRange.ANY, offset, limit);
    }

    /** As {@link #listNewest(String, String, int, int)}, only the images taken in this range. */
    public List<ImageRecord> listNewest(String object, String background, TakenRange taken,
            int offset, int limit) {
        ImageRows.requirePage(offset, limit);
        return sql.inTransaction(c -> ImageRows.newest(c, object, background, taken, offset, limit));
    }

    /** The number of images with these labels (null for any). */
    public long count(String object, String background) {
        return count(object, background, TakenRange.ANY);
    }

    /** The ids of the images taken in this range, ascending. */
    public long[] idsTaken(TakenRange taken) {
        return sql.inTransaction(c -> ImageRows.idsTaken(c, taken));
    }

    /** The number of images with these labels (null for any) taken in this range. */
    public long count(String object, String background, TakenRange taken) {
        return sql.inTransaction(c -> ImageRows.count(c, object, background, taken));
    }

    /** @return the number of images */
    public long count() {
        return count(null, null);
    }

    /** @return the images with these ids, by ascending id; unknown ids are left out */
    public List<ImageRecord> listByIds(Collection<Long> ids) {
        return sql.inTransaction(c -> ImageRows.byIds(c, ids));
    }

    /**
     * The ids of every object → background group, read with one query of ids and labels only, in
     * the order of the group index (which holds all three, so the rows with their 2 KB embeddings
     * are not read: ordering by id made H2 walk the whole table).
     *
     * @return groups in {@link GroupKey} order, ids ascending within each
     */
    public Map<GroupKey, List<Long>> groupMembership() {
        return groups("SELECT id, object_label, background_label FROM image ORDER BY object_label, background_label, id");
    }

    /** The groups of a query of {@code id, object_label, background_label}, by ascending id within each group. */
    private Map<GroupKey, List<Long>> groups(String query, Object... parameters) {
        return sql.inTransaction(c -> {
            Map<GroupKey, List<Long>> groups = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(query)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        groups.computeIfAbsent(new GroupKey(rs.getString(2), rs.getString(3)), k -> new ArrayList<>())
                                .add(rs.getLong(1));
                    }
                }
            }
            Map<GroupKey, List<Long>> out = new LinkedHashMap<>();
            groups.forEach((key, ids) -> out.put(key, List.copyOf(ids)));
            return Collections.unmodifiableMap(out);
        });
    }

    /**
     * The group membership of the images whose id is above {@code afterId}: with {@link #count()},
     * what keeps a copy of {@link #groupMembership()} up to date while images are only added.
     *
     * @return groups in {@link GroupKey} order, ids ascending within each
     */
    public Map<GroupKey, List<Long>> groupMembershipAfter(long afterId) {
        return groups("SELECT id, object_label, background_label FROM image WHERE id > ? ORDER BY id", afterId);
    }

    /** @return the embedded images of one group, by ascending id (images without an embedding are left out) */
    public List<EmbeddedImage> embeddingsOf(GroupKey group) {
        return sql.inTransaction(c -> {
            List<EmbeddedImage> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, sha256, embedding, embedding_dim FROM image"
                    + " WHERE object_label = ? AND background_label = ? AND embedding IS NOT NULL ORDER BY id")) {
                s.setString(1, group.objectLabel());
                s.setString(2, group.backgroundLabel());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EmbeddedImage(rs.getLong(1), rs.getString(2), group.objectLabel(),
                                group.backgroundLabel(), embedding(rs, 3)));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    /** The embedding in the columns {@code embedding, embedding_dim} from {@code column}; null when it has none. */
    private static float[] embedding(ResultSet rs, int column) throws SQLException {
        byte[] bytes = rs.getBytes(column);
        if (bytes == null) {
            return null;
        }
        int dim = rs.getInt(column + 1);
        return rs.wasNull() ? EmbeddingCodec.decode(bytes) : EmbeddingCodec.decode(bytes, dim);
    }


    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
