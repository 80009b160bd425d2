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
 * photo (docs/decisions/0033). Multi-index hashing: the 64 bits are cut into six bands of 10 or 11 bits, each band a
 * table of up to 2,048 buckets. Two hashes at most {@code d} bits apart differ in at most {@code d / 6} bits on at
 * least one band (pigeonhole), so a query looks only in the buckets within that many bits of its own bands (12 of
 * them per band at the default distance), under each of the four quarter turns, and compares the hashes it finds
 * there, which are stored inline in the buckets: about 0.05 ms at 100,000 photos.
 *
 * <p>Low-detail hashes are kept (so {@link #remove} and {@link #size} count them) but never matched. Thread-safe:
 * the public methods are synchronized; {@link NearDuplicateFinder} queries a private instance from several threads
 * through {@link #query}, which reads only. Memory: about 150 bytes per photo (15 MB at 100,000).
 */
public final class NearDuplicateIndex {
    /** Largest distance a query may ask for: six bands, up to three bits each. */
    public static final int MAX_DISTANCE = 23;

    private static final int BANDS = 6;
    /** First bit of each band; band 0 holds bit 0, which is always clear, so it is one bit wider. */
    private static final int[] BAND_START = {0, 11, 22, 33, 44, 54, 64};
    /** {@code MASKS[w][r]}: every w-bit mask with at most r bits set, w = 10 or 11. */
    private static final int[][][] MASKS = new int[12][MAX_DISTANCE / BANDS + 1][];

    static {
        for (int width = 10; width <= 11; width++) {
            for (int r = 0; r <= MAX_DISTANCE / BANDS; r++) {
                int radius = r;
                MASKS[width][r] = java.util.stream.IntStream.range(0, 1 << width)
                        .filter(m -> Integer.bitCount(m) <= radius).toArray();
            }
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
    /** Per band and key: the hashes in the bucket, inline so that a query reads a bucket in one sweep. */
    private final long[][][] bucketBits = new long[BANDS][][];
    /** Per band and key: the slots of those hashes, in the same order. */
    private final int[][][] bucketSlots = new int[BANDS][][];
    private final int[][] bucketSizes = new int[BANDS][];

    public NearDuplicateIndex() {
        for (int band = 0; band < BANDS; band++) {
            int buckets = 1 << width(band);
            bucketBits[band] = new long[buckets][];
            bucketSlots[band] = new int[buckets][];
            bucketSizes[band] = new int[buckets];
        }
    }

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
                int size = bucketSizes[band][key];
                if (size == 0 && bucketBits[band][key] == null) {
                    bucketBits[band][key] = new long[2];
                    bucketSlots[band][key] = new int[2];
                } else if (size == bucketBits[band][key].length) {
                    bucketBits[band][key] = Arrays.copyOf(bucketBits[band][key], size * 2);
                    bucketSlots[band][key] = Arrays.copyOf(bucketSlots[band][key], size * 2);
                }
                bucketBits[band][key][size] = hash.bits();
                bucketSlots[band][key][size] = slot;
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
                int[] slotsHere = bucketSlots[band][key];
                int last = bucketSizes[band][key] - 1;
                for (int i = 0; i <= last; i++) {
                    if (slotsHere[i] == slot) {
                        slotsHere[i] = slotsHere[last];
                        bucketBits[band][key][i] = bucketBits[band][key][last];
                        break;
                    }
                }
                bucketSizes[band][key] = last;
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
     * low-detail hash. Hash distance only: {@link DuplicateThresholds#linked} then says which are near-duplicates
     * (the tighter distance for turned matches, and the veto).
     *
     * @throws IllegalArgumentException when {@code maxDistance} is outside 0..{@link #MAX_DISTANCE}
     */
    public List<Match> matches(PerceptualHash hash, int maxDistance) {
        return matches(hash, maxDistance, maxDistance);
    }

    /**
     * As {@link #matches(PerceptualHash, int)}, but a match under a quarter or half turn counts only within
     * {@code maxTurnedDistance}: the link rule ({@link DuplicateThresholds#hashDistance()},
     * {@link DuplicateThresholds#turnedHashDistance()}). Each photo comes with its best turn among those that count, so
     * a photo 9 bits away as it is and 8 bits away turned is found, unturned, at 9 (what the full pass links).
     */
    public synchronized List<Match> matches(PerceptualHash hash, int maxDistance, int maxTurnedDistance) {
        checkDistance(maxDistance);
        if (hash.lowDetail()) {
            return List.of();
        }
        Map<Integer, Match> best = new HashMap<>();
        query(hash.bits(), maxDistance, -1, (slot, distance, turns) -> {
            if (turns == 0 || distance <= maxTurnedDistance) {
                best.merge(slot, new Match(ids[slot], distance, turns), (a, b) -> a.distance() * 4 + a.quarterTurns()
                        <= b.distance() * 4 + b.quarterTurns() ? a : b);
            }
        });
        List<Match> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::id));
        return out;
    }

    static void checkDistance(int maxDistance) {
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("maxDistance must be in 0.." + MAX_DISTANCE + ", got " + maxDistance);
        }
    }

    /** Receives the matches of {@link #query}; a slot may come more than once (per band and per quarter turn). */
    @FunctionalInterface
    interface Sink {
        void accept(int slot, int distance, int quarterTurns);
    }

    /**
     * The photos in slots after {@code afterSlot} within {@code maxDistance} of {@code bits} (-1: all of them). Slots
     * are 0, 1, 2… in the order photos were added, and buckets keep that order while nothing is removed; so with
     * {@code afterSlot} &ge; 0, which only the finder's private index uses, a bucket is read from its end and left
     * at the first earlier slot. Reads only: safe from several threads at once while nothing is added or removed.
     */
    void query(long bits, int maxDistance, int afterSlot, Sink sink) {
        int radius = maxDistance / BANDS;
        for (int j = 0; j < 4; j++) {
            long turned = PerceptualHash.rotate(bits, j);
            int turns = (4 - j) % 4; // the query turned by j matches the photo, so the photo turned by -j is the query
            for (int band = 0; band < BANDS; band++) {
                int key = key(turned, band);
                long[][] bitsOfBand = bucketBits[band];
                int[][] slotsOfBand = bucketSlots[band];
                int[] sizes = bucketSizes[band];
                for (int mask : MASKS[width(band)][radius]) {
                    int at = key ^ mask;
                    long[] bucket = bitsOfBand[at];
                    int[] slotsHere = slotsOfBand[at];
                    for (int i = sizes[at] - 1; i >= 0 && slotsHere[i] > afterSlot; i--) {
                        int distance = Long.bitCount(bucket[i] ^ turned);
                        if (distance <= maxDistance) {
                            sink.accept(slotsHere[i], distance, turns);
                        }
                    }
                }
            }
        }
    }

    private static int width(int band) {
        return BAND_START[band + 1] - BAND_START[band];
    }

    private static int key(long bits, int band) {
        return (int) (bits >>> BAND_START[band]) & ((1 << width(band)) - 1);
    }
}
