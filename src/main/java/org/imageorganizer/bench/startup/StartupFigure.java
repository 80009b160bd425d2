package org.imageorganizer.bench.startup;

import java.util.List;
import java.util.Optional;

/**
 * One line of the start-up part: what was timed, each run's figure in seconds (NaN for a run that
 * gave none, such as a process that did not say when it committed), the target, and why the figure
 * is missing when it is. The median is over the runs that gave a figure.
 *
 * @param what    what was timed, e.g. "tree (10,000 images)"
 * @param samples one figure per run in seconds, NaN where a run gave none
 * @param target  the target, or null for the floor itself
 * @param note    why figures are missing or what to know about them; empty if nothing
 */
public record StartupFigure(String what, List<Double> samples, StartupTarget target, String note) {

    /** Whether the target was met, not met, or cannot be told. */
    public enum Verdict {
        MET, NOT_MET, UNKNOWN, NO_TARGET
    }

    public StartupFigure {
        samples = List.copyOf(samples);
        note = note == null ? "" : note;
    }

    /** A line that could not be measured here, with the reason (e.g. "skipped: no display"). */
    public static StartupFigure skipped(String what, StartupTarget target, String reason) {
        return new StartupFigure(what, List.of(), target, reason);
    }

    /** The runs that gave a figure. */
    public int measuredRuns() {
        return (int) samples.stream().filter(StartupFigure::finite).count();
    }

    /** The median of the runs that gave a figure (the mean of the middle two for an even count); NaN when none did. */
    public double median() {
        return Medians.of(samples.stream().filter(StartupFigure::finite).toList());
    }

    /** Judges the median against the target with the floor F of the same run. */
    public Verdict verdict(double floor) {
        if (target == null) {
            return Verdict.NO_TARGET;
        }
        double median = median();
        double limit = target.limit(floor);
        if (Double.isNaN(median) || Double.isNaN(limit)) {
            return Verdict.UNKNOWN;
        }
        return median <= limit ? Verdict.MET : Verdict.NOT_MET;
    }

    /** The limit in seconds for this floor, if there is a target. */
    public Optional<Double> limit(double floor) {
        return target == null ? Optional.empty() : Optional.of(target.limit(floor));
    }

    private static boolean finite(Double d) {
        return d != null && Double.isFinite(d);
    }
}
