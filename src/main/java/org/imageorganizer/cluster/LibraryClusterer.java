package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.imageorganizer.common.BackgroundThreads;
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
 * refresh after a short delay however many changes arrive meanwhile. Readers get the library as it
 * is now with the last stored clusters, the images those have not reached yet in pending entries,
 * and whether a recomputation is due (stale). A recomputed group's clusters keep the numbers, keys and
 * names of the old clusters they overlap ({@link ClusterMatching}, ADR 0043).
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
    private final ReentrantLock buildLock = new ReentrantLock();
    private final Membership groups;
    private final Map<GroupKey, Signed> signatures = new ConcurrentHashMap<>();
    /** Counts the refreshes of this clusterer: the stored clusterings change only with one. */
    private final AtomicLong generations = new AtomicLong();
    private volatile StoredAt lastStored;
    private volatile CachedTree lastTree;
    private final List<Runnable> recomputedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(BackgroundThreads.factory("cluster-refresh"));

    public LibraryClusterer(ImageRepository images, ClusterRepository clusters, LibraryInfo info,
            ClusterSettings settings, Duration debounce) {
        this.images = images;
        this.clusters = clusters;
        this.info = info;
        Clusterer clusterer = ClustererFactory.create(settings);
        this.groupClusterer = new GroupClusterer(clusterer, settings);
        this.algorithm = groupClusterer.describe();
        this.debounce = debounce;
        this.groups = new Membership(images, info::labelSerial);
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

    /** Recomputes the groups that changed, then returns the fresh tree (with no pending entry for the images it saw). */
    public OrganizedTree refreshNow() {
        OrganizedTree tree;
        refreshLock.lock();
        try {
            long version = info.libraryVersion();
            Map<GroupKey, List<Long>> membership = groups.reload();
            Map<GroupKey, StoredGroupClustering> stored = clusters.loadAll();
            long start = System.nanoTime();
            List<Map.Entry<GroupKey, List<Long>>> changed = new ArrayList<>();
            for (Map.Entry<GroupKey, List<Long>> group : membership.entrySet()) {
                if (outdated(stored.get(group.getKey()), group.getValue())) {
                    changed.add(group);
                }
            }
            ParallelGroups.forEach(changed, g -> g.getValue().size(), ParallelGroups.defaultThreads(), group -> {
                List<SubCluster> fresh = groupClusterer.clusterGroup(images.embeddingsOf(group.getKey()));
                StoredGroupClustering before = stored.get(group.getKey());
                ClusterMatching.Result result = before == null ? ClusterMatching.match(List.of(), fresh, 0)
                        : ClusterMatching.match(before.clusters(), fresh, before.nextClusterId());
                clusters.save(group.getKey(), signature(group.getValue()), algorithm, version, result.clusters(),
                        result.nextClusterId());
            });
            int recomputed = changed.size();
            clusters.deleteGroupsNotIn(membership.keySet());
            if (recomputed > 0) {
                LOG.info("Clustered {} changed groups of {} in {} ms", recomputed, membership.size(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            Map<GroupKey, StoredGroupClustering> saved = clusters.loadAll();
            long generation = generations.incrementAndGet();
            lastStored = new StoredAt(generation, saved);
            tree = TreeBuilder.build(membership, saved, clusters.identities(), version, false);
        } finally {
            refreshLock.unlock();
        }
        for (Runnable listener : recomputedListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A listener to the clustering failed", e);
            }
        }
        return tree;
    }

    /**
     * Calls {@code listener} after each refresh, on the thread that ran it (the clusters were
     * recomputed and stored: readers of {@link #tree()} get them now). It must return quickly.
     */
    public void addRecomputedListener(Runnable listener) {
        recomputedListeners.add(listener);
    }

    /**
     * The library's tree as it is now, without clustering anything: every image is in it, those the
     * clustering has not reached yet in their group's pending entry; {@code stale} when a
     * recomputation is due. The tree is kept per library version and stored clustering, so reading
     * an unchanged library costs one small query; after a change, the groups are brought up to date
     * with the images added since ({@link Membership}), and the stored clusterings are read again
     * only after a refresh.
     */
    public OrganizedTree tree() {
        long current = info.libraryVersion();
        long generation = generations.get();
        CachedTree cached = lastTree;
        if (cached != null && cached.libraryVersion() == current && cached.generation() == generation) {
            return cached.tree();
        }
        buildLock.lock(); // readers of the same new version wait for one build instead of each making their own
        try {
            cached = lastTree;
            if (cached != null && cached.libraryVersion() == current && cached.generation() == generation) {
                return cached.tree();
            }
            Map<GroupKey, List<Long>> membership = groups.current();
            Map<GroupKey, StoredGroupClustering> stored = storedAt(generation);
            boolean stale = !stored.keySet().equals(membership.keySet())
                    || membership.entrySet().stream().anyMatch(g -> outdated(stored.get(g.getKey()), g.getValue()));
            if (stale && !refreshLock.isLocked() && !scheduled.get()) {
                // changed by another program on the same database (or before a crash): catch up, debounced
                libraryChanged();
            }
            OrganizedTree tree = TreeBuilder.build(membership, stored, clusters.identities(), current, stale);
            lastTree = new CachedTree(current, generation, tree);
            return tree;
        } finally {
            buildLock.unlock();
        }
    }

    /** The stored clusterings as of {@code generation}, read again only when a refresh has run since. */
    private Map<GroupKey, StoredGroupClustering> storedAt(long generation) {
        StoredAt known = lastStored;
        if (known != null && known.generation() == generation) {
            return known.clusterings();
        }
        Map<GroupKey, StoredGroupClustering> loaded = clusters.loadAll();
        lastStored = new StoredAt(generation, loaded);
        return loaded;
    }

    /** Whether a group's stored clustering is missing or was made for other images or another algorithm. */
    private boolean outdated(StoredGroupClustering stored, List<Long> ids) {
        return stored == null || !stored.algorithm().equals(algorithm) || !stored.signature().equals(signatureOf(stored.group(), ids));
    }

    /** The signature of a group's ids, computed again only when its list changed (Membership keeps unchanged ones). */
    private String signatureOf(GroupKey group, List<Long> ids) {
        Signed known = signatures.get(group);
        if (known != null && known.ids() == ids) {
            return known.signature();
        }
        String signature = signature(ids);
        signatures.put(group, new Signed(ids, signature));
        return signature;
    }

    private record Signed(List<Long> ids, String signature) {
    }

    private record CachedTree(long libraryVersion, long generation, OrganizedTree tree) {
    }

    private record StoredAt(long generation, Map<GroupKey, StoredGroupClustering> clusterings) {
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
        try {
            // a scheduled refresh that has started but not yet taken the lock must not run after close
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refreshLock.lock(); // wait for a running refresh (say refreshNow from another thread) to finish writing
        refreshLock.unlock();
    }
}
