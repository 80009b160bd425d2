package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.SubCluster;

/**
 * The stored sub-clusterings, one per object → background group, in {@code group_clustering} and
 * {@code cluster_member}, and the clusters' identities in {@code cluster_identity} (ADR 0043). Plain SQL:
 * clustering ends every import (ADR 0039). Thread-safe: every call is one short transaction.
 */
public final class ClusterRepository {
    /** Tries of a save that meets another writer's rows for the same images. */
    private static final int SAVE_ATTEMPTS = 3;

    private static final int BATCH = 500;
    /** Skips ids whose image was deleted since the clustering was computed, instead of failing the FK. */
    private static final String INSERT_MEMBER = "INSERT INTO cluster_member"
            + " (image_id, object_label, background_label, cluster_id)"
            + " SELECT id, ?, ?, ? FROM image WHERE id = ?";
    private static final String GROUP_KEY = " WHERE object_label = ? AND background_label = ?";

    private final SqlTransactions sql;
    private final Clock clock;

    /** @param clock gives the time a clustering is saved */
    ClusterRepository(SqlTransactions sql, Clock clock) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loads every stored clustering. Clusters come by ascending id, the noise cluster (id -1) last;
     * members by ascending image id. Members of deleted images are gone (ON DELETE CASCADE).
     *
     * @return clusterings by group, in {@link GroupKey} order
     */
    public Map<GroupKey, StoredGroupClustering> loadAll() {
        return sql.inTransaction(ClusterRepository::loadAll);
    }

    /** As {@link #loadAll()}, on the caller's connection (the read-only reader's too). */
    static Map<GroupKey, StoredGroupClustering> loadAll(Connection c) throws SQLException {
        // sorted maps: a read-only command's only use of GroupKey then needs no record hashCode (ADR 0040)
        Map<GroupKey, TreeMap<Integer, List<Long>>> members = new TreeMap<>();
        Map<GroupKey, StoredGroupClustering> out = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT object_label, background_label, cluster_id, image_id"
                    + " FROM cluster_member ORDER BY image_id")) {
                while (rs.next()) {
                    members.computeIfAbsent(new GroupKey(rs.getString(1), rs.getString(2)), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getInt(3), k -> new ArrayList<>())
                            .add(rs.getLong(4));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT object_label, background_label, signature, algorithm,"
                    + " library_version, computed_at, next_cluster_id FROM group_clustering")) {
                while (rs.next()) {
                    GroupKey key = new GroupKey(rs.getString(1), rs.getString(2));
                    out.put(key, new StoredGroupClustering(key, rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant(),
                            subClusters(members.getOrDefault(key, new TreeMap<>())), rs.getInt(7)));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Replaces the stored clustering of one group in one transaction. Ids of images deleted in the
     * meantime are skipped; ids stored under another group are moved to this one.
     *
     * @param group          the group
     * @param signature      hash of the group's ids the clustering was computed for
     * @param algorithm      the clusterer's description
     * @param libraryVersion the library version it was computed for
     * @param clusters       the sub-clusters; a noise cluster must have id -1, the others ids >= 0
     */
    public void save(GroupKey group, String signature, String algorithm, long libraryVersion,
            List<SubCluster> clusters) {
        save(group, signature, algorithm, libraryVersion, clusters, StoredGroupClustering.firstFree(clusters));
    }

    /**
     * As {@link #save(GroupKey, String, String, long, List)}, and makes the group's cluster identities follow
     * its clusters (ADR 0043): a number the group keeps keeps its key and name, new numbers get new keys, the
     * identities of numbers gone are removed; each cluster's cover is stored.
     *
     * @param nextClusterId the number the group's next new cluster will take
     */
    public void save(GroupKey group, String signature, String algorithm, long libraryVersion,
            List<SubCluster> clusters, int nextClusterId) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(algorithm, "algorithm");
        List<SubCluster> checked = List.copyOf(clusters);
        List<Long> ids = new ArrayList<>();
        for (SubCluster c : checked) {
            if (c.noise() ? c.clusterId() != SubCluster.NOISE_ID : c.clusterId() < 0) {
                throw new IllegalArgumentException("bad cluster id " + c.clusterId() + " (noise=" + c.noise() + ")");
            }
            ids.addAll(c.imageIds());
        }
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        int next = Math.max(nextClusterId, StoredGroupClustering.firstFree(checked));
        // another process (or clusterer) may store the same group at the same moment: its rows then
        // collide with ours on a key; once it has committed, a new try replaces them
        for (int attempt = 1; ; attempt++) {
            try {
                sql.inTransaction(c -> {
                    saveOnce(c, group, new GroupRow(signature, algorithm, libraryVersion, now, next), checked, ids);
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == SAVE_ATTEMPTS || !isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** The values of a group's {@code group_clustering} row. */
    private record GroupRow(String signature, String algorithm, long libraryVersion, OffsetDateTime computedAt,
            int nextClusterId) {
    }

    private static void saveOnce(Connection c, GroupKey group, GroupRow row, List<SubCluster> checked, List<Long> ids)
            throws SQLException {
        deleteGroup(c, "cluster_member", group);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try (PreparedStatement s = c.prepareStatement("DELETE FROM cluster_member WHERE image_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setLong(i + 1, chunk.get(i));
                }
                s.executeUpdate();
            }
        }
        int updated;
        try (PreparedStatement s = c.prepareStatement("UPDATE group_clustering"
                + " SET signature = ?, algorithm = ?, library_version = ?, computed_at = ?, next_cluster_id = ?"
                + GROUP_KEY)) {
            updated = bindGroupRow(s, group, row).executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO group_clustering (signature, algorithm,"
                    + " library_version, computed_at, next_cluster_id, object_label, background_label)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bindGroupRow(s, group, row).executeUpdate();
            }
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_MEMBER)) {
            int pending = 0;
            for (SubCluster cluster : checked) {
                for (long id : cluster.imageIds()) {
                    insert.setString(1, group.objectLabel());
                    insert.setString(2, group.backgroundLabel());
                    insert.setInt(3, cluster.clusterId());
                    insert.setLong(4, id);
                    insert.addBatch();
                    if (++pending % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        ClusterIdentityRows.follow(c, group, checked);
    }

    /** Binds signature, algorithm, version, time, next cluster number, then the group's two labels. */
    private static PreparedStatement bindGroupRow(PreparedStatement s, GroupKey group, GroupRow row) throws SQLException {
        s.setString(1, row.signature());
        s.setString(2, row.algorithm());
        s.setLong(3, row.libraryVersion());
        s.setObject(4, row.computedAt());
        s.setInt(5, row.nextClusterId());
        s.setString(6, group.objectLabel());
        s.setString(7, group.backgroundLabel());
        return s;
    }

    /**
     * Removes the stored clusterings of every group not in {@code existing}.
     *
     * @param existing the groups the library has now
     */
    public void deleteGroupsNotIn(Set<GroupKey> existing) {
        Objects.requireNonNull(existing, "existing");
        sql.inTransaction(c -> {
            Set<GroupKey> stored = new LinkedHashSet<>();
            try (Statement s = c.createStatement()) {
                for (String query : List.of("SELECT object_label, background_label FROM group_clustering",
                        "SELECT DISTINCT object_label, background_label FROM cluster_member",
                        "SELECT DISTINCT object_label, background_label FROM cluster_identity")) {
                    try (ResultSet rs = s.executeQuery(query)) {
                        while (rs.next()) {
                            stored.add(new GroupKey(rs.getString(1), rs.getString(2)));
                        }
                    }
                }
            }
            for (GroupKey key : stored) {
                if (!existing.contains(key)) {
                    deleteGroup(c, "cluster_member", key);
                    deleteGroup(c, "cluster_identity", key);
                    deleteGroup(c, "group_clustering", key);
                }
            }
            return null;
        });
    }

    /** Every cluster's identity (key, name, cover), by group and number. */
    public List<ClusterIdentity> identities() {
        return sql.inTransaction(ClusterIdentityRows::all);
    }

    /** As {@link #identities()}, on the caller's connection (the read-only reader's too). */
    static List<ClusterIdentity> identities(Connection c) throws SQLException {
        return ClusterIdentityRows.all(c);
    }

    /** The identity of the cluster with this key, if there is one. */
    public Optional<ClusterIdentity> identity(String key) {
        Objects.requireNonNull(key, "key");
        return sql.inTransaction(c -> ClusterIdentityRows.byKey(c, key));
    }

    /** The identity of a group's cluster, if it has one. */
    public Optional<ClusterIdentity> identity(GroupKey group, int clusterId) {
        Objects.requireNonNull(group, "group");
        return sql.inTransaction(c -> ClusterIdentityRows.byNumber(c, group, clusterId));
    }

    /**
     * Stores names suggested for clusters, by key (keys gone meanwhile are skipped), and adds one to the library
     * version so that every reader's tree shows them.
     *
     * @return how many were stored
     */
    public int suggest(Map<String, String> suggestions) {
        if (suggestions.isEmpty()) {
            return 0;
        }
        return sql.inTransaction(c -> {
            int stored = 0;
            for (Map.Entry<String, String> suggestion : suggestions.entrySet()) {
                stored += ClusterIdentityRows.suggest(c, suggestion.getKey(), suggestion.getValue()) ? 1 : 0;
            }
            if (stored > 0) {
                LibraryInfo.bumpVersion(c);
            }
            return stored;
        });
    }

    /** The embeddings of a group's cluster's photos (those that have one), by image id. */
    public List<float[]> embeddingsOf(GroupKey group, int clusterId) {
        return sql.inTransaction(c -> {
            List<float[]> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT i.embedding FROM cluster_member m JOIN image i"
                    + " ON i.id = m.image_id WHERE m.object_label = ? AND m.background_label = ? AND m.cluster_id = ?"
                    + " AND i.embedding IS NOT NULL ORDER BY i.id")) {
                s.setString(1, group.objectLabel());
                s.setString(2, group.backgroundLabel());
                s.setInt(3, clusterId);
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(EmbeddingCodec.decode(rs.getBytes(1)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Names the cluster with this key, or with null clears its name, and adds one to the library version (so
     * every reader's tree, in this process and in others, is built again with the name).
     *
     * @return the cluster's identity as it is now; empty when no cluster has this key
     */
    public Optional<ClusterIdentity> rename(String key, String name) {
        Objects.requireNonNull(key, "key");
        return sql.inTransaction(c -> {
            if (!ClusterIdentityRows.rename(c, key, name)) {
                return Optional.empty();
            }
            LibraryInfo.bumpVersion(c);
            return ClusterIdentityRows.byKey(c, key);
        });
    }

    private static void deleteGroup(Connection c, String table, GroupKey group) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + GROUP_KEY)) {
            s.setString(1, group.objectLabel());
            s.setString(2, group.backgroundLabel());
            s.executeUpdate();
        }
    }

    /** Whether a key or foreign key refused a row (SQLSTATE class 23, the same in H2 and PostgreSQL). */
    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /** Clusters by ascending id, the noise cluster last (also the plain-JDBC reader's order). */
    static List<SubCluster> subClusters(TreeMap<Integer, List<Long>> byCluster) {
        List<SubCluster> out = new ArrayList<>(byCluster.size());
        byCluster.forEach((id, ids) -> {
            if (id != SubCluster.NOISE_ID) {
                out.add(new SubCluster(id, false, ids));
            }
        });
        List<Long> noise = byCluster.get(SubCluster.NOISE_ID);
        if (noise != null) {
            out.add(new SubCluster(SubCluster.NOISE_ID, true, noise));
        }
        return out;
    }
}
