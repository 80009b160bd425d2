package org.imageorganizer.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SubCluster;
import org.imageorganizer.store.ClusterRepository;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.LibraryInfo;
import org.imageorganizer.store.StoredGroupClustering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the library's sub-clusters up to date. Results are stored per object → background group
 * with a signature of the group's members and the algorithm; a refresh recomputes only the groups
 * whose members or settings changed. Changes are debounced: {@link #libraryChanged()} schedules one
 * refresh after a short delay however many changes arrive meanwhile. Readers get the last stored
 * result with its library version and whether it is stale.
 */
public final class LibraryClusterer implements LibraryObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryClusterer.class);

    private final ImageRepository images;
    private final ClusterRepository clusters;
    private final LibraryInfo info;
    private final GroupClusterer groupClusterer;
    private final String algorithm;
    private final Duration debounce;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile CachedTree lastTree;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-refresh");
        t.setDaemon(true);
        return t;
    });

    public LibraryClusterer(ImageRepository images, ClusterRepository clusters, LibraryInfo info,
            ClusterSettings settings, Duration debounce) {
        this.images = images;
        this.clusters = clusters;
        this.info = info;
        Clusterer clusterer = ClustererFactory.create(settings);
        this.groupClusterer = new GroupClusterer(clusterer, settings);
        this.algorithm = clusterer.describe() + ", minGroupSize=" + settings.minGroupSize();
        this.debounce = debounce;
    }

    /** Schedules a refresh after the debounce delay, unless one is already waiting. */
    @Override
    public void libraryChanged() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> {
                    scheduled.set(false);
                    try {
                        refreshNow();
                    } catch (RuntimeException e) {
                        LOG.error("Background clustering failed", e);
                    }
                }, debounce.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // closed: a change announced afterwards (say by a running import) is ignored
            }
        }
    }

    /** Recomputes the groups that changed, then returns the fresh tree. */
    public OrganizedTree refreshNow() {
        refreshLock.lock();
        try {
            long version = info.libraryVersion();
            Map<GroupKey, List<Long>> membership = images.groupMembership();
            Map<GroupKey, StoredGroupClustering> stored = clusters.loadAll();
            long start = System.nanoTime();
            List<Map.Entry<GroupKey, List<Long>>> changed = new java.util.ArrayList<>();
            for (Map.Entry<GroupKey, List<Long>> group : membership.entrySet()) {
                StoredGroupClustering previous = stored.get(group.getKey());
                if (previous == null || !previous.signature().equals(signature(group.getValue()))
                        || !previous.algorithm().equals(algorithm)) {
                    changed.add(group);
                }
            }
            ParallelGroups.forEach(changed, g -> g.getValue().size(), ParallelGroups.defaultThreads(), group -> {
                List<SubCluster> result = groupClusterer.clusterGroup(images.embeddingsOf(group.getKey()));
                clusters.save(group.getKey(), signature(group.getValue()), algorithm, version, result);
            });
            int recomputed = changed.size();
            clusters.deleteGroupsNotIn(membership.keySet());
            if (recomputed > 0) {
                LOG.info("Clustered {} changed groups of {} in {} ms", recomputed, membership.size(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return TreeBuilder.build(clusters.loadAll().values(), version, false);
        } finally {
            refreshLock.unlock();
        }
    }

    /** The last stored result, without computing anything; {@code stale} when the library changed since. */
    public OrganizedTree tree() {
        long current = info.libraryVersion();
        boolean computing = refreshLock.isLocked();
        CachedTree cached = lastTree;
        if (!computing && cached != null && cached.libraryVersion() == current) {
            return cached.tree(); // nothing changed: a read costs one small query
        }
        Map<GroupKey, StoredGroupClustering> stored = clusters.loadAll();
        long computedFor = stored.values().stream().mapToLong(StoredGroupClustering::libraryVersion).max().orElse(0);
        boolean outdated = computedFor < current && !upToDate(stored);
        if (outdated && !computing && !scheduled.get()) {
            // changed by another program on the same database (or before a crash): catch up, debounced
            libraryChanged();
        }
        boolean stale = computing || outdated;
        OrganizedTree tree = TreeBuilder.build(stored.values(), computedFor, stale);
        if (!stale && !refreshLock.isLocked()) {
            lastTree = new CachedTree(current, tree);
        }
        return tree;
    }

    private record CachedTree(long libraryVersion, OrganizedTree tree) {
    }

    private boolean upToDate(Map<GroupKey, StoredGroupClustering> stored) {
        Map<GroupKey, List<Long>> membership = images.groupMembership();
        if (!membership.keySet().equals(stored.keySet())) {
            return false;
        }
        return membership.entrySet().stream()
                .allMatch(e -> stored.get(e.getKey()).signature().equals(signature(e.getValue())));
    }

    static String signature(List<Long> ids) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Long id : ids) {
                digest.update(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ',');
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        refreshLock.lock(); // wait for a running refresh to finish writing
        refreshLock.unlock();
    }
}
