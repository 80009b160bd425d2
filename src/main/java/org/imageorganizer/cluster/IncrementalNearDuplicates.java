package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.imageorganizer.model.PerceptualHash;
import org.imageorganizer.store.NearDuplicateLinks;
import org.imageorganizer.store.NearDuplicateLinks.HashedImage;
import org.imageorganizer.store.NearDuplicateLinks.Link;
import org.imageorganizer.store.NearDuplicateLinks.LockedLibrary;

/**
 * Links each photo to its near-duplicates when it is added or hashed, against the library's hashes held in a
 * {@link NearDuplicateIndex} (docs/decisions/0036). The index is loaded in bulk the first time (or built with every
 * link by {@link #rebuild}), then kept current: before each check it reads the hashes committed since (by any process)
 * through the store's serial, and forgets a matched photo another process removed.
 *
 * <p>A pair is linked when the full pass would take it as an edge ({@link NearDuplicateFinder}): its hashes at most
 * {@link DuplicateThresholds#hashDistance()} bits apart as they are, or {@link DuplicateThresholds#turnedHashDistance()}
 * after a quarter or half turn. The CLIP veto is not applied here: it is the model's, and applies when the stacks are
 * read, so the links hold whatever the model's threshold. One per library and process; thread-safe.
 */
public final class IncrementalNearDuplicates implements NearDuplicateLinks.Linker {
    private final int hashDistance;
    private final int turnedHashDistance;
    private NearDuplicateIndex index = new NearDuplicateIndex();
    /** Every change of a serial up to this one is in the index; -1: nothing loaded yet. */
    private long knownSerial = -1;

    /** Links by the distances of {@code thresholds} (its veto is left to the stacks). */
    public IncrementalNearDuplicates(DuplicateThresholds thresholds) {
        Objects.requireNonNull(thresholds, "thresholds");
        this.hashDistance = thresholds.hashDistance();
        this.turnedHashDistance = thresholds.turnedHashDistance();
    }

    /** The rule of links made by the distances of {@code thresholds}: what {@link #rule()} says. */
    public static String rule(DuplicateThresholds thresholds) {
        return rule(thresholds.hashDistance(), thresholds.turnedHashDistance());
    }

    private static String rule(int hashDistance, int turnedHashDistance) {
        return "phash-v" + PerceptualHash.VERSION + " link " + hashDistance + " turned " + turnedHashDistance;
    }

    @Override
    public String rule() {
        return rule(hashDistance, turnedHashDistance);
    }

    @Override
    public synchronized List<Link> rebuild(LockedLibrary library) {
        NearDuplicateIndex fresh = new NearDuplicateIndex();
        List<Long> idOfSlot = new ArrayList<>();
        List<Long> bitsOfSlot = new ArrayList<>();
        library.forEachHashSince(-1, (id, bytes) -> {
            PerceptualHash hash = readable(bytes);
            if (hash != null) {
                fresh.add(id, hash); // a fresh index gives slots 0, 1, 2… in this order
                idOfSlot.add(id);
                bitsOfSlot.add(hash.lowDetail() ? null : hash.bits());
            }
        });
        List<Link> links = new ArrayList<>();
        for (int slot = 0; slot < idOfSlot.size(); slot++) {
            Long bits = bitsOfSlot.get(slot);
            if (bits == null) {
                continue; // low detail: matched by content only
            }
            Map<Integer, Integer> best = new HashMap<>();
            fresh.query(bits, hashDistance, slot, (other, distance, turns) -> {
                if (turns == 0 || distance <= turnedHashDistance) {
                    best.merge(other, distance * 4 + turns, Math::min);
                }
            });
            long id = idOfSlot.get(slot);
            best.forEach((other, code) -> links.add(link(idOfSlot.get(other), code >> 2, code & 3, id)));
        }
        links.sort(BY_PAIR);
        index = fresh;
        knownSerial = library.serial() - 1; // the rows of this transaction are read again once it committed
        return links;
    }

    @Override
    public synchronized List<Link> linksOf(LockedLibrary library, List<HashedImage> added) {
        Set<Long> addedIds = new HashSet<>();
        added.forEach(a -> addedIds.add(a.id()));
        library.forEachHashSince(knownSerial, (id, bytes) -> {
            PerceptualHash hash = addedIds.contains(id) ? null : readable(bytes);
            if (hash != null) {
                index.add(id, hash);
            } else if (!addedIds.contains(id)) {
                index.remove(id);
            }
        });
        knownSerial = library.serial() - 1;
        Map<Long, PerceptualHash> hashes = new HashMap<>();
        Map<List<Long>, Link> found = new HashMap<>();
        for (HashedImage a : added) {
            PerceptualHash hash = readable(a.hash());
            if (hash == null || hash.lowDetail()) {
                continue;
            }
            for (NearDuplicateIndex.Match m : index.matches(hash, hashDistance, turnedHashDistance)) {
                if (!addedIds.contains(m.id())) {
                    // the match turned by m.quarterTurns() looks like the new photo
                    put(found, link(m.id(), m.distance(), m.quarterTurns(), a.id()));
                }
            }
            for (Map.Entry<Long, PerceptualHash> other : hashes.entrySet()) { // photos added together
                int code = linkedWithin(other.getValue().bits(), hash.bits());
                if (code >= 0) {
                    put(found, link(other.getKey(), code >> 2, code & 3, a.id()));
                }
            }
            hashes.put(a.id(), hash);
        }
        Set<Long> matched = new HashSet<>();
        found.values().forEach(l -> {
            matched.add(l.firstId());
            matched.add(l.secondId());
        });
        matched.removeAll(addedIds);
        Set<Long> gone = new HashSet<>(matched);
        if (!matched.isEmpty()) {
            gone.removeAll(library.existing(matched)); // removed by another process since it was read
            gone.forEach(index::remove);
        }
        List<Link> links = new ArrayList<>();
        for (Link l : found.values()) {
            if (!gone.contains(l.firstId()) && !gone.contains(l.secondId())) {
                links.add(l);
            }
        }
        links.sort(BY_PAIR);
        return links;
    }

    @Override
    public synchronized void forget(long id) {
        index.remove(id);
    }

    /** Photos the index holds (for the figures). */
    public synchronized int size() {
        return index.size();
    }

    private static final java.util.Comparator<Link> BY_PAIR = java.util.Comparator.comparingLong(Link::firstId)
            .thenComparingLong(Link::secondId);

    private static void put(Map<List<Long>, Link> found, Link link) {
        found.put(List.of(link.firstId(), link.secondId()), link);
    }

    /**
     * {@code distance * 4 + quarterTurns} of the best turn of {@code turned} that looks like {@code other} within the
     * link rule, or -1 when none does.
     */
    private int linkedWithin(long turned, long other) {
        int best = -1;
        for (int k = 0; k < 4; k++) {
            int d = Long.bitCount(PerceptualHash.rotate(turned, k) ^ other);
            if (d <= (k == 0 ? hashDistance : turnedHashDistance) && (best < 0 || d * 4 + k < best)) {
                best = d * 4 + k;
            }
        }
        return best;
    }

    /**
     * The link between {@code turned}, which turned clockwise {@code quarterTurns} quarter turns looks like
     * {@code other}, and {@code other}: from the lower id to the higher.
     */
    private static Link link(long turned, int distance, int quarterTurns, long other) {
        return turned < other ? new Link(turned, other, distance, quarterTurns)
                : new Link(other, turned, distance, (4 - quarterTurns) % 4);
    }

    /** A stored hash of the current version, else null (matched by content only until it is computed again). */
    private static PerceptualHash readable(byte[] bytes) {
        return PerceptualHash.isCurrent(bytes) ? PerceptualHash.fromBytes(bytes) : null;
    }

    @Override
    public String toString() {
        return "IncrementalNearDuplicates[" + rule() + ", known serial " + knownSerial + "]";
    }
}
