package org.imageorganizer.bench;

/** Wall-clock timing in seconds. */
final class Stopwatch {
    private final long start = System.nanoTime();

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
