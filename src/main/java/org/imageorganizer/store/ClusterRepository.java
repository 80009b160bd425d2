package org.imageorganizer.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.Session;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.SubCluster;

/**
 * The stored sub-clusterings, one per object → background group. Thread-safe: every call uses
 * its own entity manager and one short transaction.
 */
public final class ClusterRepository {
    /** Tries of a save that meets another writer's rows for the same images. */
    private static final int SAVE_ATTEMPTS = 3;

    private static final int BATCH = 500;
    /** Skips ids whose image was deleted since the clustering was computed, instead of failing the FK. */
    private static final String INSERT_MEMBER = "INSERT INTO cluster_member"
            + " (image_id, object_label, background_label, cluster_id)"
            + " SELECT id, ?, ?, ? FROM image WHERE id = ?";

    private final EntityManagerFactory emf;
    private final Clock clock;

    /**
     * @param emf   the library's entity manager factory
     * @param clock gives the time a clustering is saved
     */
    ClusterRepository(EntityManagerFactory emf, Clock clock) {
        this.emf = Objects.requireNonNull(emf, "emf");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loads every stored clustering. Clusters come by ascending id, the noise cluster (id -1) last;
     * members by ascending image id. Members of deleted images are gone (ON DELETE CASCADE).
     *
     * @return clusterings by group, in {@link GroupKey} order
     */
    public Map<GroupKey, StoredGroupClustering> loadAll() {
        return emf.callInTransaction(em -> {
            Map<GroupKey, TreeMap<Integer, List<Long>>> members = new HashMap<>();
            em.createQuery("select m.objectLabel, m.backgroundLabel, m.clusterId, m.imageId"
                            + " from ClusterMemberEntity m order by m.imageId", Object[].class)
                    .getResultStream()
                    .forEach(row -> members
                            .computeIfAbsent(new GroupKey((String) row[0], (String) row[1]), k -> new TreeMap<>())
                            .computeIfAbsent((Integer) row[2], k -> new ArrayList<>())
                            .add((Long) row[3]));
            Map<GroupKey, StoredGroupClustering> out = new TreeMap<>();
            for (GroupClusteringEntity g : em.createQuery("from GroupClusteringEntity", GroupClusteringEntity.class)
                    .getResultList()) {
                GroupKey key = new GroupKey(g.objectLabel, g.backgroundLabel);
                out.put(key, new StoredGroupClustering(key, g.signature, g.algorithm, g.libraryVersion,
                        g.computedAt, subClusters(members.getOrDefault(key, new TreeMap<>()))));
            }
            return Collections.unmodifiableMap(new LinkedHashMap<>(out));
        });
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // another process (or clusterer) may store the same group at the same moment: its rows then
        // collide with ours on the member key; once it has committed, a new try replaces them
        for (int attempt = 1; ; attempt++) {
            try {
                saveOnce(group, signature, algorithm, libraryVersion, checked, ids, now);
                return;
            } catch (org.hibernate.exception.ConstraintViolationException e) {
                if (attempt == SAVE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void saveOnce(GroupKey group, String signature, String algorithm, long libraryVersion,
            List<SubCluster> checked, List<Long> ids, Instant now) {
        emf.runInTransaction(em -> {
            deleteMembers(em, group);
            for (int from = 0; from < ids.size(); from += BATCH) {
                em.createQuery("delete from ClusterMemberEntity m where m.imageId in :ids")
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
                        .executeUpdate();
            }
            em.merge(new GroupClusteringEntity(group.objectLabel(), group.backgroundLabel(), signature, algorithm,
                    libraryVersion, now));
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_MEMBER)) {
                    int pending = 0;
                    for (SubCluster c : checked) {
                        for (long id : c.imageIds()) {
                            insert.setString(1, group.objectLabel());
                            insert.setString(2, group.backgroundLabel());
                            insert.setInt(3, c.clusterId());
                            insert.setLong(4, id);
                            insert.addBatch();
                            if (++pending % BATCH == 0) {
                                insert.executeBatch();
                            }
                        }
                    }
                    insert.executeBatch();
                }
            });
        });
    }

    /**
     * Removes the stored clusterings of every group not in {@code existing}.
     *
     * @param existing the groups the library has now
     */
    public void deleteGroupsNotIn(Set<GroupKey> existing) {
        Objects.requireNonNull(existing, "existing");
        emf.runInTransaction(em -> {
            List<Object[]> stored = new ArrayList<>(em.createQuery(
                    "select g.objectLabel, g.backgroundLabel from GroupClusteringEntity g", Object[].class)
                    .getResultList());
            stored.addAll(em.createQuery(
                    "select distinct m.objectLabel, m.backgroundLabel from ClusterMemberEntity m", Object[].class)
                    .getResultList());
            stored.stream()
                    .map(row -> new GroupKey((String) row[0], (String) row[1]))
                    .distinct()
                    .filter(key -> !existing.contains(key))
                    .forEach(key -> {
                        deleteMembers(em, key);
                        em.createQuery("delete from GroupClusteringEntity g"
                                        + " where g.objectLabel = :o and g.backgroundLabel = :b")
                                .setParameter("o", key.objectLabel())
                                .setParameter("b", key.backgroundLabel())
                                .executeUpdate();
                    });
        });
    }

    private static void deleteMembers(EntityManager em, GroupKey group) {
        em.createQuery("delete from ClusterMemberEntity m where m.objectLabel = :o and m.backgroundLabel = :b")
                .setParameter("o", group.objectLabel())
                .setParameter("b", group.backgroundLabel())
                .executeUpdate();
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
