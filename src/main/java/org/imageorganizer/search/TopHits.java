package org.imageorganizer.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code capacity} (score, id) pairs seen, in a binary heap whose root is the worst kept;
 * "better" is {@link SearchHit#rank}: higher score, then lower id.
 */
final class TopHits {
    private final int capacity;
    private final float[] scores;
    private final long[] ids;
    private int size;

    TopHits(int capacity) {
        this.capacity = capacity;
        this.scores = new float[capacity];
        this.ids = new long[capacity];
    }

    /** Whether (score, id) would be kept: the heap is not full, or it beats the worst kept. */
    boolean accepts(float score, long id) {
        return size < capacity || SearchHit.rank(score, id, scores[0], ids[0]) < 0;
    }

    /** Keeps (score, id) if it is among the best; call {@link #accepts} first to skip work. */
    void offer(float score, long id) {
        if (size < capacity) {
            scores[size] = score;
            ids[size] = id;
            up(size++);
        } else if (SearchHit.rank(score, id, scores[0], ids[0]) < 0) {
            scores[0] = score;
            ids[0] = id;
            down(0);
        }
    }

    /** The hits kept, in no order. */
    List<SearchHit> hits() {
        List<SearchHit> hits = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            hits.add(new SearchHit(ids[i], scores[i]));
        }
        return hits;
    }

    /** Whether heap entry a is worse than b (so belongs nearer the root). */
    private boolean worse(int a, int b) {
        return SearchHit.rank(scores[a], ids[a], scores[b], ids[b]) > 0;
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left + 1 < size && worse(left + 1, left) ? left + 1 : left;
            if (!worse(worst, i)) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
    }
}
