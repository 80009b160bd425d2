package org.imageorganizer.bench;

import java.util.Arrays;

/**
 * A summary of request latencies: median, 90th and 99th percentile and maximum, in milliseconds.
 * Percentiles use the nearest-rank definition (the smallest sample with at least p% of the samples
 * at or below it), so every figure is a latency that was actually measured.
 *
 * @param count    the number of samples
 * @param medianMs the 50th percentile
 * @param p90Ms    the 90th percentile
 * @param p99Ms    the 99th percentile
 * @param maxMs    the slowest sample
 */
record Latencies(int count, double medianMs, double p90Ms, double p99Ms, double maxMs) {

    /** Summarises latencies given in nanoseconds (the array is left as it is). */
    static Latencies ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies to summarise");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 90)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile of sorted samples: the value at rank ceil(p / 100 * n), counted from 1. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0 || p <= 0 || p > 100) {
            throw new IllegalArgumentException("need samples and 0 < p <= 100, got " + sorted.length + " samples, p " + p);
        }
        int rank = (int) Math.ceil(p * sorted.length / 100); // p * n first: 99 * 1000 / 100 is exactly 990
        return sorted[Math.max(1, rank) - 1];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
