package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What duplicate finding reads of each image, in bulk: its content hash, perceptual hash, embedding,
 * size, and the oldest time one of its files had, with every place it is in. Plain SQL, on Hibernate's
 * connection or the read-only {@link LibraryReader}'s, streamed in id order. Thread-safe: each call is
 * its own transaction.
 */
public final class ImageFingerprints {
    /**
     * One image.
     *
     * @param perceptualHash its near-duplicate hash as stored, or null (an image from before schema version 5)
     * @param oldestFile     the oldest modification time of its files, else when it was imported; null when neither is known
     */
    public record Row(long id, String sha256, byte[] perceptualHash, float[] embedding, int width, int height,
            String format, long byteSize, Instant oldestFile) {
    }

    private static final String SELECT = "SELECT i.id, i.sha256, i.perceptual_hash, i.embedding, i.embedding_dim,"
            + " i.width, i.height, i.format, i.byte_size, i.imported_at,"
            + " (SELECT MIN(l.file_modified_ns) FROM image_location l WHERE l.image_id = i.id) FROM image i";

    private final SqlTransactions transactions;
    private final boolean readOnly;
    private final NearDuplicateLinks links;

    /** Each call its own transaction; hashes stored later are linked through {@code links}. */
    ImageFingerprints(SqlTransactions transactions, NearDuplicateLinks links) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.links = Objects.requireNonNull(links, "links");
        this.readOnly = false;
    }

    /** Through a connection whose transactions are never committed (the read-only reader's). */
    ImageFingerprints(SqlTransactions readOnlyTransactions) {
        this.transactions = readOnlyTransactions;
        this.readOnly = true;
        this.links = null;
    }

    /** Hands every image to {@code sink}, in id order, streamed. */
    public void forEach(Consumer<Row> sink) {
        transactions.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY i.id")) {
                s.setFetchSize(EmbeddingRows.FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
            }
            return null;
        });
    }

    /** Hands every image's id and stored perceptual hash (null when it has none) to {@code sink}, streamed: a light read. */
    public void forEachHash(java.util.function.ObjLongConsumer<byte[]> sink) {
        transactions.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, perceptual_hash FROM image ORDER BY id")) {
                s.setFetchSize(EmbeddingRows.FETCH_SIZE * 10);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getBytes(2), rs.getLong(1));
                    }
                }
            }
            return null;
        });
    }

    /** The images with these ids that still exist, in id order. */
    public List<Row> of(Collection<Long> ids) {
        List<Long> wanted = List.copyOf(ids);
        return transactions.inTransaction(c -> {
            List<Row> rows = new ArrayList<>();
            for (int from = 0; from < wanted.size(); from += 500) {
                List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + 500));
                try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE i.id IN ("
                        + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY i.id")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(row(rs));
                        }
                    }
                }
            }
            rows.sort(java.util.Comparator.comparingLong(Row::id));
            return rows;
        });
    }

    /** Every place each image is in (path order), for the images that have more than one. */
    public Map<Long, List<String>> severalPlaces() {
        return transactions.inTransaction(ImageFingerprints::severalPlaces);
    }

    /**
     * Stores a perceptual hash computed later (an image from before schema version 5, read again), and links the image
     * to its near-duplicates in the same transaction ({@link NearDuplicateLinks}).
     *
     * @return false when there is no image with this id
     */
    public boolean storePerceptualHash(long id, byte[] hash) {
        if (readOnly) {
            throw new UnsupportedOperationException("the library was opened for reading only");
        }
        return transactions.inTransaction(c -> {
            long serial = NearDuplicateLinks.lock(c);
            try (PreparedStatement s = c.prepareStatement("UPDATE image SET perceptual_hash = ?, hash_serial = ? WHERE id = ?")) {
                s.setBytes(1, hash);
                s.setObject(2, hash == null ? null : serial, java.sql.Types.BIGINT);
                s.setLong(3, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            NearDuplicateLinks.unlink(c, id);
            links.link(c, serial, List.of(new NearDuplicateLinks.HashedImage(id, hash)));
            return true;
        });
    }


    private static Map<Long, List<String>> severalPlaces(Connection c) throws SQLException {
        Map<Long, List<String>> places = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.image_id, l.location FROM image_location l"
                + " WHERE l.image_id IN (SELECT image_id FROM image_location GROUP BY image_id HAVING COUNT(*) > 1)"
                + " ORDER BY l.image_id, l.location")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    places.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return places;
    }

    private static Row row(ResultSet rs) throws SQLException {
        byte[] embeddingBytes = rs.getBytes(4);
        int dimension = rs.getInt(5);
        float[] embedding = embeddingBytes == null ? null
                : dimension > 0 ? EmbeddingCodec.decode(embeddingBytes, dimension) : EmbeddingCodec.decode(embeddingBytes);
        long oldestNanos = rs.getLong(11);
        boolean noFileTime = rs.wasNull();
        OffsetDateTime imported = rs.getObject(10, OffsetDateTime.class);
        Instant oldest = !noFileTime ? Instant.ofEpochSecond(0, oldestNanos) : imported == null ? null : imported.toInstant();
        return new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3), embedding, rs.getInt(6), rs.getInt(7),
                rs.getString(8), rs.getLong(9), oldest);
    }
}
