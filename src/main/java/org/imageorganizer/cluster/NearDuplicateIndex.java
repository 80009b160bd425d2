package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imageorganizer.model.PerceptualHash;

/**
 * The library's perceptual hashes in memory, for finding a photo's near-duplicates without comparing it with every
 * photo (docs/decisions/0033). Multi-index hashing: the 64 bits are cut into four 16-bit bands, each band a table of
 * 65,536 buckets. Two hashes at most {@code d} bits apart agree within {@code d / 4} bits on at least one band
 * (pigeonhole), so a query looks only in the buckets within that many bits of its own bands, under each of the four
 * quarter turns, and compares exactly the photos it finds there: about 0.1 ms at 100,000 photos.
 *
 * <p>Low-detail hashes are kept (so {@link #remove} and {@link #size} count them) but never matched. Thread-safe:
 * the public methods are synchronized; {@link NearDuplicateFinder} queries a private instance from several threads
 * through {@link #query}, which reads only.
 */
public final class NearDuplicateIndex {
    /** Largest distance a query may ask for: four bands, up to four bits each. */
    public static final int MAX_DISTANCE = 19;

    private static final int BANDS = 4;
    private static final int BAND_BITS = 16;
    private static final int BUCKETS = 1 << BAND_BITS;
    /** {@code MASKS[r]}: every 16-bit mask with at most r bits set. */
    private static final int[][] MASKS = new int[MAX_DISTANCE / BANDS + 1][];

    static {
        for (int r = 0; r < MASKS.length; r++) {
            int radius = r;
            MASKS[r] = java.util.stream.IntStream.range(0, BUCKETS).filter(m -> Integer.bitCount(m) <= radius)
                    .sorted().toArray();
        }
    }

    /**
     * A photo of the index near the queried hash.
     *
     * @param id           the photo's id, as it was added
     * @param distance     bits apart, after turning
     * @param quarterTurns the indexed photo turned clockwise this many quarter turns looks like the query
     */
    public record Match(long id, int distance, int quarterTurns) {
    }

    private long[] hashes = new long[1024];
    private long[] ids = new long[1024];
    private boolean[] indexed = new boolean[1024];
    private int slots;
    private int[] free = new int[16];
    private int freeCount;
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private final int[][][] buckets = new int[BANDS][BUCKETS][];
    private final int[][] bucketSizes = new int[BANDS][BUCKETS];
    private final Scratch scratch = new Scratch();

    /** Adds a photo's hash, replacing the one it had. A low-detail hash is kept but never matched. */
    public synchronized void add(long id, PerceptualHash hash) {
        remove(id);
        int slot = freeCount > 0 ? free[--freeCount] : slots++;
        if (slot == hashes.length) {
            int capacity = hashes.length * 2;
            hashes = Arrays.copyOf(hashes, capacity);
            ids = Arrays.copyOf(ids, capacity);
            indexed = Arrays.copyOf(indexed, capacity);
        }
        hashes[slot] = hash.bits();
        ids[slot] = id;
        indexed[slot] = !hash.lowDetail();
        slotOf.put(id, slot);
        if (indexed[slot]) {
            for (int band = 0; band < BANDS; band++) {
                int key = key(hash.bits(), band);
                int[] bucket = buckets[band][key];
                int size = bucketSizes[band][key];
                if (bucket == null || bucket.length == size) {
                    bucket = bucket == null ? new int[2] : Arrays.copyOf(bucket, size * 2);
                    buckets[band][key] = bucket;
                }
                bucket[size] = slot;
                bucketSizes[band][key] = size + 1;
            }
        }
    }

    /** Removes a photo; false when it was not in the index. */
    public synchronized boolean remove(long id) {
        Integer slot = slotOf.remove(id);
        if (slot == null) {
            return false;
        }
        if (indexed[slot]) {
            for (int band = 0; band < BANDS; band++) {
                int key = key(hashes[slot], band);
                int[] bucket = buckets[band][key];
                int size = bucketSizes[band][key];
                for (int i = 0; i < size; i++) {
                    if (bucket[i] == slot) {
                        bucket[i] = bucket[size - 1];
                        break;
                    }
                }
                bucketSizes[band][key] = size - 1;
            }
            indexed[slot] = false;
        }
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
        return true;
    }

    /** Photos in the index, low-detail ones included. */
    public synchronized int size() {
        return slotOf.size();
    }

    /**
     * The indexed photos at most {@code maxDistance} bits from {@code hash} under any quarter turn, nearest first
     * (then by id), each with its best turn (the fewest quarter turns among equally near ones); none for a
     * low-detail hash.
     *
     * @throws IllegalArgumentException when {@code maxDistance} is outside 0..{@link #MAX_DISTANCE}
     */
    public synchronized List<Match> matches(PerceptualHash hash, int maxDistance) {
        checkDistance(maxDistance);
        if (hash.lowDetail()) {
            return List.of();
        }
        Map<Integer, Match> best = new HashMap<>();
        scratch.ensure(slots);
        query(hash.bits(), maxDistance, scratch, (slot, distance, turns) -> best.merge(slot,
                new Match(ids[slot], distance, turns), (a, b) -> a.distance() * 4 + a.quarterTurns() <= b.distance() * 4
                        + b.quarterTurns() ? a : b));
        List<Match> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::id));
        return out;
    }

    static void checkDistance(int maxDistance) {
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("maxDistance must be in 0.." + MAX_DISTANCE + ", got " + maxDistance);
        }
    }

    /** Receives the matches of {@link #query}; a slot may come once per quarter turn. */
    @FunctionalInterface
    interface Sink {
        void accept(int slot, int distance, int quarterTurns);
    }

    /** Per-thread marks of the slots already compared. */
    static final class Scratch {
        private int[] seen = new int[0];
        private int stamp;

        void ensure(int slots) {
            if (seen.length < slots) {
                seen = Arrays.copyOf(seen, Math.max(slots, seen.length * 2));
            }
        }
    }

    /** The slot a photo was added at; slots are 0, 1, 2… in the order of adding while nothing is removed. */
    int slot(long id) {
        return slotOf.get(id);
    }

    /** Reads only: safe from several threads at once while nothing is added or removed, each with its own scratch. */
    void query(long bits, int maxDistance, Scratch scratch, Sink sink) {
        int[] masks = MASKS[maxDistance / BANDS];
        int[] seen = scratch.seen;
        for (int j = 0; j < 4; j++) {
            long turned = PerceptualHash.rotate(bits, j);
            int turns = (4 - j) % 4; // the query turned by j matches the photo, so the photo turned by -j is the query
            int stamp = ++scratch.stamp;
            if (stamp == 0) { // wrapped: start the marks afresh
                Arrays.fill(seen, 0);
                stamp = scratch.stamp = 1;
            }
            for (int band = 0; band < BANDS; band++) {
                int key = key(turned, band);
                int[][] table = buckets[band];
                int[] sizes = bucketSizes[band];
                for (int mask : masks) {
                    int[] bucket = table[key ^ mask];
                    if (bucket == null) {
                        continue;
                    }
                    for (int i = 0, size = sizes[key ^ mask]; i < size; i++) {
                        int slot = bucket[i];
                        if (seen[slot] != stamp) {
                            seen[slot] = stamp;
                            int distance = Long.bitCount(hashes[slot] ^ turned);
                            if (distance <= maxDistance) {
                                sink.accept(slot, distance, turns);
                            }
                        }
                    }
                }
            }
        }
    }

    int slotCount() {
        return slots;
    }

    private static int key(long bits, int band) {
        return (int) (bits >>> (BAND_BITS * band)) & (BUCKETS - 1);
    }
}
