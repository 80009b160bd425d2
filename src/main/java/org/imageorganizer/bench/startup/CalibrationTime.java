package org.imageorganizer.bench.startup;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long {@code organize --precision auto} calibrated the variants of a new library, from what it
 * printed on stderr: the seconds it states on its {@code Model: auto: …} line when it states them
 * (e.g. "calibrated in 3.2 s"), otherwise the time between the line announcing the calibration
 * ({@code Choosing the model variant…}) and that {@code Model:} line, as the bench read them.
 */
public final class CalibrationTime {
    private static final Pattern STATED = Pattern.compile("(?i)calibrat\\w*[^;()\\n]*?\\b(\\d+(?:\\.\\d+)?)\\s*s\\b");
    private static final String ANNOUNCED = "choosing the model variant";
    private static final String CHOSEN = "model: auto";

    private CalibrationTime() {
    }

    /** The calibration's seconds, or empty when the lines show no calibration. */
    public static OptionalDouble of(List<TimedLine> stderr) {
        Double announced = null;
        for (TimedLine line : stderr) {
            String lower = line.text().strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith(ANNOUNCED) && announced == null) {
                announced = line.seconds();
            } else if (lower.startsWith(CHOSEN)) {
                Matcher stated = STATED.matcher(line.text());
                if (stated.find()) {
                    return OptionalDouble.of(Double.parseDouble(stated.group(1)));
                }
                if (announced != null) {
                    return OptionalDouble.of(line.seconds() - announced);
                }
            }
        }
        return OptionalDouble.empty();
    }
}
