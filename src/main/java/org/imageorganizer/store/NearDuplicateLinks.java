package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The near-duplicate links the library keeps (schema version 6, docs/decisions/0036): one row per pair of photos
 * whose perceptual hashes are within the link distance, written in the transaction that adds a photo or gives it its
 * hash, so that listing stacks reads the few linked photos instead of every photo's hash.
 *
 * <p>Which pairs are linked is the {@link Linker}'s business (the application gives one, built on the cluster
 * package's hash index); the store runs it at the right moment. Every transaction that adds, hashes or removes photos
 * first increments {@code near_duplicate_serial} in {@code library_info}: the row lock serialises them across threads,
 * processes sharing an H2 file and servers sharing a PostgreSQL database, so a linker sees every photo committed
 * before it and no photo can be removed while its links are written. A photo's {@code hash_serial} is its
 * transaction's serial, which lets a linker catch up with what others added by an indexed range read.
 *
 * <p>{@code near_duplicate_links} names the rule the rows are complete for. It is empty after the migration (the
 * photos from before it have no links yet) and whenever a photo is hashed without a linker (a tool that opened the
 * store directly): the first linker to write then builds every link again, as {@link #rebuild} does. Thread-safe.
 */
public final class NearDuplicateLinks {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NearDuplicateLinks.class);
    private static final String LOCK = "UPDATE library_info SET info_value = CAST(CAST(info_value AS BIGINT) + 1"
            + " AS VARCHAR(1024)) WHERE info_key = ?";
    private static final int BATCH = 1_000;

    /**
     * Two photos linked.
     *
     * @param firstId      the lower id
     * @param secondId     the higher id
     * @param distance     bits apart, after the turn
     * @param quarterTurns the first photo turned clockwise this many quarter turns looks like the second
     */
    public record Link(long firstId, long secondId, int distance, int quarterTurns) {
        public Link {
            if (firstId >= secondId) {
                throw new IllegalArgumentException("a link goes from the lower id to the higher: " + firstId + ", " + secondId);
            }
        }
    }

    /** A photo with its perceptual hash as stored (versioned bytes; null when it has none). */
    public record HashedImage(long id, byte[] hash) {
    }

    /** Receives stored hashes. */
    @FunctionalInterface
    public interface HashSink {
        void accept(long id, byte[] hash);
    }

    /** What a {@link Linker} reads of the library: in the transaction that holds the lock. */
    public interface LockedLibrary {
        /** This transaction's serial: every change committed before it has a lower one. */
        long serial();

        /** Every photo with a hash whose {@code hash_serial} is above {@code serial} (-1: every photo with a hash). */
        void forEachHashSince(long serial, HashSink sink);

        /** Those of {@code ids} that are photos of the library now. */
        Set<Long> existing(Collection<Long> ids);
    }

    /**
     * Says which photos are linked. Called only with the library's lock held (so one call at a time per library), and
     * possibly in a transaction that is then rolled back: a linker must not take the photos given to it as stored
     * until it meets them again through {@link LockedLibrary#forEachHashSince}.
     */
    public interface Linker {
        /** The rule the links follow (the hash's version and the distances); links made under another are rebuilt. */
        String rule();

        /** Every link among the library's photos (and the linker now knows every photo). */
        List<Link> rebuild(LockedLibrary library);

        /** The links of photos just added or hashed (already written, with this serial) to the others and among themselves. */
        List<Link> linksOf(LockedLibrary library, List<HashedImage> added);

        /** A photo was removed by this process. */
        void forget(long id);
    }

    /** The links' state: the serial, and the rule the links are complete for (null: they are not). */
    public record State(long serial, String rule) {
        /** Whether the links are complete for {@code rule}. */
        public boolean completeFor(String expected) {
            return rule != null && rule.equals(expected);
        }
    }

    private final SqlTransactions transactions;
    private final boolean readOnly;
    private volatile Linker linker;

    /** Each call its own transaction. */
    NearDuplicateLinks(SqlTransactions transactions) {
        this(transactions, false);
    }

    /** @param readOnly whether the transactions are the read-only reader's, which refuse writes */
    NearDuplicateLinks(SqlTransactions transactions, boolean readOnly) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.readOnly = readOnly;
    }

    /** Links every photo added or hashed through this library from now on with {@code linker}. */
    public void useLinker(Linker linker) {
        if (readOnly) {
            throw new UnsupportedOperationException("the library was opened for reading only");
        }
        this.linker = Objects.requireNonNull(linker, "linker");
    }

    /** Whether the links are complete for the linker's rule: false without a linker (then they cannot be built here). */
    public boolean complete() {
        Linker using = linker;
        return using != null && state().completeFor(using.rule());
    }

    /** The serial and the rule the links are complete for. */
    public State state() {
        return transactions.inTransaction(c -> new State(Long.parseLong(LibraryInfo.value(c, LibraryInfoKeys.NEAR_DUPLICATE_SERIAL)),
                LibraryInfo.value(c, LibraryInfoKeys.NEAR_DUPLICATE_LINKS)));
    }

    /** Every link, streamed in (first, second) order. */
    public void forEach(java.util.function.Consumer<Link> sink) {
        transactions.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT first_id, second_id, distance, quarter_turns"
                    + " FROM near_duplicate_link ORDER BY first_id, second_id")) {
                s.setFetchSize(EmbeddingRows.FETCH_SIZE * 10);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Link(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Builds every link again with the linker, under the lock, and records them as complete for its rule.
     *
     * @return the links written
     * @throws IllegalStateException when no linker was given
     */
    public int rebuild() {
        Linker using = linker;
        if (using == null || readOnly) {
            throw new IllegalStateException("no linker: the library was not opened by the application");
        }
        return transactions.inTransaction(c -> rebuild(c, lock(c), using));
    }

    /** Takes the library's lock for this transaction (before anything else is written): the new serial. */
    static long lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setString(1, LibraryInfoKeys.NEAR_DUPLICATE_SERIAL);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("library_info has no " + LibraryInfoKeys.NEAR_DUPLICATE_SERIAL + " row");
            }
        }
        return Long.parseLong(LibraryInfo.value(c, LibraryInfoKeys.NEAR_DUPLICATE_SERIAL));
    }

    /**
     * Links photos that this transaction (holding the lock as {@code serial}) added or hashed, whose rows carry that
     * serial already. Without a linker, a photo with a hash leaves the links incomplete until they are rebuilt.
     */
    void link(Connection c, long serial, List<HashedImage> added) throws SQLException {
        if (added.stream().allMatch(a -> a.hash() == null)) {
            return;
        }
        Linker using = linker;
        if (using == null) {
            try (PreparedStatement s = c.prepareStatement("UPDATE library_info SET info_value = NULL"
                    + " WHERE info_key = ? AND info_value IS NOT NULL")) {
                s.setString(1, LibraryInfoKeys.NEAR_DUPLICATE_LINKS);
                s.executeUpdate();
            }
            return;
        }
        if (!using.rule().equals(LibraryInfo.value(c, LibraryInfoKeys.NEAR_DUPLICATE_LINKS))) {
            long start = System.nanoTime(); // the first write after the migration, or after a write without a linker
            int written = rebuild(c, serial, using);
            LOG.info("Near-duplicate links built for the whole library: {} links in {} ms", written,
                    (System.nanoTime() - start) / 1_000_000);
            return;
        }
        insert(c, using.linksOf(new Locked(c, serial), added));
    }

    /** Removes a photo's links (before it is hashed again). */
    static void unlink(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM near_duplicate_link WHERE first_id = ? OR second_id = ?")) {
            s.setLong(1, id);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /** Tells the linker, after the transaction that removed a photo committed. */
    void removed(long id) {
        Linker using = linker;
        if (using != null) {
            using.forget(id);
        }
    }

    private static int rebuild(Connection c, long serial, Linker using) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM near_duplicate_link")) {
            s.executeUpdate();
        }
        List<Link> links = using.rebuild(new Locked(c, serial));
        insert(c, links);
        try (PreparedStatement s = c.prepareStatement("UPDATE library_info SET info_value = ? WHERE info_key = ?")) {
            s.setString(1, using.rule());
            s.setString(2, LibraryInfoKeys.NEAR_DUPLICATE_LINKS);
            s.executeUpdate();
        }
        return links.size();
    }

    private static void insert(Connection c, List<Link> links) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO near_duplicate_link (first_id, second_id, distance,"
                + " quarter_turns) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (Link link : links) {
                s.setLong(1, link.firstId());
                s.setLong(2, link.secondId());
                s.setInt(3, link.distance());
                s.setInt(4, link.quarterTurns());
                s.addBatch();
                if (++pending == BATCH) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        }
    }

    /** The library as a linker sees it, on the locked transaction's connection. */
    private record Locked(Connection c, long serial) implements LockedLibrary {
        @Override
        public void forEachHashSince(long since, HashSink sink) {
            // in id order for a full read; a catch-up reads the few rows through the hash_serial index, in any order
            try (PreparedStatement s = c.prepareStatement("SELECT id, perceptual_hash FROM image"
                    + " WHERE hash_serial > ? AND perceptual_hash IS NOT NULL" + (since < 0 ? " ORDER BY id" : ""))) {
                s.setLong(1, since);
                s.setFetchSize(EmbeddingRows.FETCH_SIZE * 10);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getLong(1), rs.getBytes(2));
                    }
                }
            } catch (SQLException e) {
                throw new LibraryException("Cannot read the library's perceptual hashes (" + e.getMessage() + ").", e);
            }
        }

        @Override
        public Set<Long> existing(Collection<Long> ids) {
            List<Long> wanted = List.copyOf(new HashSet<>(ids));
            Set<Long> found = new HashSet<>();
            try {
                for (int from = 0; from < wanted.size(); from += 500) {
                    List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + 500));
                    try (PreparedStatement s = c.prepareStatement("SELECT id FROM image WHERE id IN ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")) {
                        for (int i = 0; i < chunk.size(); i++) {
                            s.setLong(i + 1, chunk.get(i));
                        }
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                found.add(rs.getLong(1));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new LibraryException("Cannot read the library (" + e.getMessage() + ").", e);
            }
            return found;
        }
    }
}
