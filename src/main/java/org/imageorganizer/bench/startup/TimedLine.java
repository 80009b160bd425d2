package org.imageorganizer.bench.startup;

/**
 * A line a child process printed, with when the bench read it.
 *
 * @param seconds seconds after the child's launch
 * @param text    the line
 */
public record TimedLine(double seconds, String text) {
}
