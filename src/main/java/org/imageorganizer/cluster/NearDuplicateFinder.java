package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.imageorganizer.model.PerceptualHash;

/**
 * The full pass over a library: groups duplicates (same content) and near-duplicates (perceptual hashes close, not
 * vetoed by CLIP, or very close after a quarter turn: {@link DuplicateThresholds}) into stacks, each with a suggested
 * keeper and the reason for every other photo (docs/decisions/0033).
 *
 * <p>Pairs come from a {@link NearDuplicateIndex} (no comparison of every photo with every other: 100,000 photos in
 * about 5 s of CPU). Stacks are built by union-find over the pairs, nearest pairs first, with a complete-linkage
 * guard: two stacks merge only if <em>every</em> photo of one is within {@link DuplicateThresholds#stackDiameter()}
 * bits of every photo of the other (or has its content) and no such pair is vetoed by the embeddings
 * ({@link DuplicateThresholds#together}). So a chain of photos, each a little different from the last (a burst, a
 * slow pan), never becomes one stack whose ends are different pictures; the price is that two far variants of one
 * picture (opposite crops) may stay in separate stacks.
 *
 * <p>Stateless apart from its settings; thread-safe.
 */
public final class NearDuplicateFinder {
    private final DuplicateThresholds thresholds;
    private final int threads;

    /** A finder querying on {@code threads} threads (the pass is otherwise single-threaded). */
    public NearDuplicateFinder(DuplicateThresholds thresholds, int threads) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.threads = Math.max(1, threads);
    }

    /** A finder using every core. */
    public NearDuplicateFinder(DuplicateThresholds thresholds) {
        this(thresholds, ParallelGroups.defaultThreads());
    }

    /**
     * The stacks of at least two photos among {@code candidates}, in the order of their first photo in the list.
     * Photos with the same {@code sha256} are always in one stack, and share the hash of the first of them that has
     * one.
     */
    public List<DuplicateStack> stacks(List<DuplicateCandidate> candidates) {
        Pass pass = new Pass(candidates);
        long[] edges = pass.edges();
        StackUnion union = new StackUnion(candidates.size(), pass::compatible);
        for (int i = 0; i < candidates.size(); i++) {
            if (pass.content[i] != i) {
                union.merge(pass.content[i], i);
            }
        }
        for (long edge : edges) {
            union.merge((int) (edge >>> 29 & MASK_29), (int) (edge & MASK_29));
        }
        List<DuplicateStack> stacks = new ArrayList<>();
        for (int[] members : union.groups()) {
            List<DuplicateCandidate> photos = new ArrayList<>(members.length);
            Map<DuplicateCandidate, PerceptualHash> hashes = new IdentityHashMap<>();
            for (int m : members) {
                photos.add(candidates.get(m));
                hashes.put(candidates.get(m), pass.hashOf(m));
            }
            stacks.add(StackExplainer.explain(photos, hashes::get));
        }
        return stacks;
    }

    private static final long MASK_29 = (1L << 29) - 1;

    /** The working state of one {@link #stacks} call. */
    private final class Pass {
        private final List<DuplicateCandidate> candidates;
        /** Index of the first candidate with the same content. */
        final int[] content;
        /** {@code bits[4 * i + k]}: candidate i's (content's) hash turned k quarter turns; hashable[i] says if valid. */
        private final long[] turned;
        private final boolean[] hashable;

        Pass(List<DuplicateCandidate> candidates) {
            if (candidates.size() > MASK_29) {
                throw new IllegalArgumentException("too many photos: " + candidates.size());
            }
            this.candidates = candidates;
            int n = candidates.size();
            content = new int[n];
            turned = new long[4 * n];
            hashable = new boolean[n];
            Map<String, Integer> firstOfContent = new HashMap<>();
            for (int i = 0; i < n; i++) {
                DuplicateCandidate c = candidates.get(i);
                Integer earlier = firstOfContent.putIfAbsent(c.sha256(), i);
                int first = earlier == null ? i : earlier;
                content[i] = first;
                if (!hashable[first] && c.hashable()) { // the first of the content to have a hash gives it
                    hashable[first] = true;
                    for (int k = 0; k < 4; k++) {
                        turned[4 * first + k] = PerceptualHash.rotate(c.hash().bits(), k);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                hashable[i] = hashable[content[i]];
                System.arraycopy(turned, 4 * content[i], turned, 4 * i, 4);
            }
        }

        PerceptualHash hashOf(int i) {
            return hashable[i] ? new PerceptualHash(turned[4 * i], false) : candidates.get(i).hash();
        }

        /**
         * Packed {@code distance << 58 | i << 29 | j}, i < j, for each pair of contents within the link distance, in
         * ascending order (nearest pairs first, then by position: deterministic whatever the threads did).
         */
        long[] edges() {
            NearDuplicateIndex index = new NearDuplicateIndex();
            List<Integer> indexed = new ArrayList<>();
            for (int i = 0; i < content.length; i++) {
                if (content[i] == i && hashable[i]) {
                    index.add(i, new PerceptualHash(turned[4 * i], false));
                    indexed.add(i);
                }
            }
            int[] candidateOfSlot = indexed.stream().mapToInt(Integer::intValue).toArray();
            int maxDistance = thresholds.hashDistance();
            List<long[]> parts = new ArrayList<>();
            List<Integer> stripes = IntStream.range(0, threads).boxed().toList();
            ParallelGroups.forEach(stripes, s -> 1, threads, stripe -> {
                LongList found = new LongList();
                for (int slot = stripe; slot < candidateOfSlot.length; slot += threads) {
                    int from = slot; // each pair once: only photos added after this one
                    int i = candidateOfSlot[slot];
                    index.query(turned[4 * i], maxDistance, from, (other, distance, turns) -> {
                        if (turns == 0 || distance <= thresholds.turnedHashDistance()) { // the veto comes later
                            found.add((long) distance << 58 | (long) i << 29 | candidateOfSlot[other]);
                        }
                    });
                }
                synchronized (parts) {
                    parts.add(found.toArray());
                }
            });
            // a pair is found once per band its hashes share: sorted, then once each
            long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            int unique = 0;
            for (int k = 0; k < all.length; k++) {
                if (k == 0 || all[k] != all[k - 1]) {
                    all[unique++] = all[k];
                }
            }
            return Arrays.copyOf(all, unique);
        }

        /** Whether two photos may be in one stack: same content, or {@link DuplicateThresholds#together}. */
        boolean compatible(int a, int b) {
            if (content[a] == content[b]) {
                return true;
            }
            if (!hashable[a] || !hashable[b]) {
                return false;
            }
            long other = turned[4 * b];
            int best = Integer.MAX_VALUE;
            for (int k = 0; k < 4; k++) {
                best = Math.min(best, Long.bitCount(turned[4 * a + k] ^ other) * 4 + k);
            }
            return thresholds.together(best >> 2, best & 3, candidates.get(a).embedding(),
                    candidates.get(b).embedding());
        }
    }

    /** A growable list of longs. */
    private static final class LongList {
        private long[] values = new long[64];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
