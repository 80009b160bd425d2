package org.imageorganizer.bench.startup;

import java.util.Locale;

/**
 * A start-up target of issue 16: at most {@code seconds} after the launch, or, for the commands that
 * should cost little more than starting Java, at most the floor F ({@code --version}, timed in the same
 * run) plus {@code seconds}.
 *
 * @param seconds    the allowance in seconds
 * @param aboveFloor whether the allowance is added to the floor F
 */
public record StartupTarget(double seconds, boolean aboveFloor) {
    /** At most {@code seconds} after the launch. */
    public static StartupTarget within(double seconds) {
        return new StartupTarget(seconds, false);
    }

    /** At most F + {@code seconds}. */
    public static StartupTarget floorPlus(double seconds) {
        return new StartupTarget(seconds, true);
    }

    /** The limit in seconds for the given floor (NaN when the floor is unknown and needed). */
    public double limit(double floor) {
        return aboveFloor ? floor + seconds : seconds;
    }

    /** "≤ F + 0.5 s" or "≤ 2.5 s". */
    public String describe() {
        return String.format(Locale.ROOT, aboveFloor ? "≤ F + %.1f s" : "≤ %.1f s", seconds);
    }
}
