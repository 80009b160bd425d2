package org.imageorganizer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Percentiles by nearest rank: every figure is a measured latency, and p99 of 1,000 is the 990th. */
class LatenciesTest {

    @Test
    void nearestRankOfOneToHundredIsTheRankItself() {
        long[] sorted = LongStream.rangeClosed(1, 100).toArray();
        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Latencies.percentile(sorted, 90)).isEqualTo(90);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Latencies.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Latencies.percentile(sorted, 0.5)).isEqualTo(1);
    }

    @Test
    void p99OfAThousandIsThe990thWithoutRoundingUp() {
        long[] sorted = LongStream.rangeClosed(1, 1000).toArray();
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(990);
        assertThat(Latencies.percentile(sorted, 90)).isEqualTo(900);
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70};
        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(40); // rank ceil(3.5) = 4
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(70);
        assertThat(Latencies.percentile(new long[] {5}, 50)).isEqualTo(5);
    }

    @Test
    void summarisesUnsortedNanosInMillisecondsAndLeavesTheInputAlone() {
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (long) ((nanos.length - i) * 1e6); // 200 ms down to 1 ms
        }
        nanos[17] = 5_000_000_000L; // one 5 s outlier replaces the 183 ms sample
        long[] copy = nanos.clone();
        Latencies l = Latencies.ofNanos(nanos);
        assertThat(l.count()).isEqualTo(200);
        assertThat(l.medianMs()).isCloseTo(100, within(1e-9));
        assertThat(l.p90Ms()).isCloseTo(180, within(1e-9));
        assertThat(l.p99Ms()).isCloseTo(199, within(1e-9)); // ranks 183..199 moved down by one; rank 198 is 199 ms
        assertThat(l.maxMs()).isCloseTo(5000, within(1e-9));
        assertThat(nanos).isEqualTo(copy);
    }

    @Test
    void refusesNoSamplesAndPercentilesOutsideZeroToHundred() {
        assertThatThrownBy(() -> Latencies.ofNanos(new long[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
