package org.imageorganizer.cluster;

import java.util.HashMap;
import java.util.Map;

/** Test helper: the adjusted Rand index (Hubert and Arabie) of two labelings; noise -1 is treated as a label. */
final class AdjustedRandIndex {
    private AdjustedRandIndex() {
    }

    static double of(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("lengths differ: " + truth.length + " vs " + predicted.length);
        }
        Map<Long, Integer> pairs = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> cols = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            pairs.merge(((long) truth[i] << 32) ^ (predicted[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(truth[i], 1, Integer::sum);
            cols.merge(predicted[i], 1, Integer::sum);
        }
        double index = pairs.values().stream().mapToDouble(AdjustedRandIndex::choose2).sum();
        double a = rows.values().stream().mapToDouble(AdjustedRandIndex::choose2).sum();
        double b = cols.values().stream().mapToDouble(AdjustedRandIndex::choose2).sum();
        double expected = a * b / choose2(truth.length);
        double max = (a + b) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double choose2(int n) {
        return n * (n - 1) / 2.0;
    }
}
