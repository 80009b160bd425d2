package org.imageorganizer.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.SubCluster;

/**
 * The SQL of {@code cluster_identity} (ADR 0043): one row per stored cluster of a group with its number,
 * its opaque key, the user's name and its cover. Static methods on the caller's connection and transaction.
 */
final class ClusterIdentityRows {
    /** 9 random bytes: 12 URL-safe characters, 72 bits (a collision is refused by the unique key, and retried). */
    private static final int KEY_BYTES = 9;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "SELECT object_label, background_label, cluster_id, cluster_key, name,"
            + " cover_image_id, suggested_name FROM cluster_identity";
    private static final String GROUP_KEY = " WHERE object_label = ? AND background_label = ?";

    private ClusterIdentityRows() {
    }

    /** A new opaque key: random, URL-safe (base64url without padding), short. */
    static String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Every identity, by group and number. */
    static List<ClusterIdentity> all(Connection c) throws SQLException {
        List<ClusterIdentity> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(COLUMNS + " ORDER BY object_label, background_label, cluster_id")) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    /** The identity with this key, if any. */
    static Optional<ClusterIdentity> byKey(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + " WHERE cluster_key = ?")) {
            s.setString(1, key);
            return one(s);
        }
    }

    /** The identity of a group's cluster, if it has one. */
    static Optional<ClusterIdentity> byNumber(Connection c, GroupKey group, int clusterId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + GROUP_KEY + " AND cluster_id = ?")) {
            s.setString(1, group.objectLabel());
            s.setString(2, group.backgroundLabel());
            s.setInt(3, clusterId);
            return one(s);
        }
    }

    /** Sets the suggested name of the cluster with this key; whether it has a row. */
    static boolean suggest(Connection c, String key, String suggestion) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE cluster_identity SET suggested_name = ? WHERE cluster_key = ?")) {
            s.setString(1, suggestion);
            s.setString(2, key);
            return s.executeUpdate() == 1;
        }
    }

    /** Sets (or with null clears) the name of the cluster with this key; whether it has a row. */
    static boolean rename(Connection c, String key, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE cluster_identity SET name = ? WHERE cluster_key = ?")) {
            s.setString(1, name);
            s.setString(2, key);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Makes a group's identities those of its new clusters: a number it keeps keeps its row (key and name;
     * the cover is the new one), a new number gets a row with a new key and no name, and the rows of the numbers
     * gone are removed. A cover whose photo was deleted meanwhile is stored as null (one deleted while this runs
     * fails the foreign key, and the caller's save tries again).
     */
    static void follow(Connection c, GroupKey group, List<SubCluster> clusters) throws SQLException {
        Set<Integer> existing = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT cluster_id FROM cluster_identity" + GROUP_KEY)) {
            s.setString(1, group.objectLabel());
            s.setString(2, group.backgroundLabel());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getInt(1));
                }
            }
        }
        Set<Long> covers = existingImages(c, clusters.stream().map(SubCluster::coverImageId)
                .filter(java.util.Objects::nonNull).toList());
        Set<Integer> kept = new HashSet<>();
        try (PreparedStatement update = c.prepareStatement("UPDATE cluster_identity SET cover_image_id = ?" + GROUP_KEY
                + " AND cluster_id = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO cluster_identity (object_label,"
                        + " background_label, cluster_id, cluster_key, name, cover_image_id) VALUES (?, ?, ?, ?, NULL, ?)")) {
            for (SubCluster cluster : clusters) {
                if (cluster.noise()) {
                    continue;
                }
                kept.add(cluster.clusterId());
                Long cover = covers.contains(cluster.coverImageId()) ? cluster.coverImageId() : null;
                if (existing.contains(cluster.clusterId())) {
                    setCover(update, 1, cover);
                    update.setString(2, group.objectLabel());
                    update.setString(3, group.backgroundLabel());
                    update.setInt(4, cluster.clusterId());
                    update.addBatch();
                } else {
                    insert.setString(1, group.objectLabel());
                    insert.setString(2, group.backgroundLabel());
                    insert.setInt(3, cluster.clusterId());
                    insert.setString(4, newKey());
                    setCover(insert, 5, cover);
                    insert.addBatch();
                }
            }
            update.executeBatch();
            insert.executeBatch();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM cluster_identity" + GROUP_KEY
                + " AND cluster_id = ?")) {
            for (int id : existing) {
                if (!kept.contains(id)) {
                    delete.setString(1, group.objectLabel());
                    delete.setString(2, group.backgroundLabel());
                    delete.setInt(3, id);
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
    }

    /** Which of these images still exist (a cover deleted since the clustering was computed is stored as null). */
    private static Set<Long> existingImages(Connection c, List<Long> ids) throws SQLException {
        Set<Long> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM image WHERE id IN ("
                + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }

    private static void setCover(PreparedStatement s, int index, Long cover) throws SQLException {
        if (cover == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, cover);
        }
    }

    private static Optional<ClusterIdentity> one(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    private static ClusterIdentity row(ResultSet rs) throws SQLException {
        long cover = rs.getLong(6);
        Long coverImageId = rs.wasNull() ? null : cover;
        return new ClusterIdentity(new GroupKey(rs.getString(1), rs.getString(2)), rs.getInt(3), rs.getString(4),
                rs.getString(5), coverImageId, rs.getString(7));
    }
}
