package org.imageorganizer.bench.startup;

import java.util.List;

/** The median of a few run times. */
public final class Medians {
    private Medians() {
    }

    /** The middle value, or the mean of the middle two for an even count; NaN for none. */
    public static double of(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
