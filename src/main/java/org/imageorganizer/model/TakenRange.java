package org.imageorganizer.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Photos taken within a span, as every front end filters them ({@code taken_after} / {@code taken_before}): times are
 * the photo's own clock (its date taken as shown), so "after 2024-06-01" means from midnight on that day wherever
 * the photo was taken. A photo without a date taken is outside every bounded range.
 *
 * @param from   the first moment included, or null for no lower bound
 * @param before the first moment no longer included, or null for no upper bound
 */
public record TakenRange(LocalDateTime from, LocalDateTime before) {
    /** Every photo, dated or not. */
    public static final TakenRange ANY = new TakenRange(null, null);

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    public TakenRange {
        if (from != null && before != null && !before.isAfter(from)) {
            throw new IllegalArgumentException("The end of the date range (" + before + ") must come after its start ("
                    + from + ").");
        }
    }

    /**
     * A range from two bounds as a user types them: a year ({@code 2024}), a month ({@code 2024-06}), a day
     * ({@code 2024-06-01}) or a time ({@code 2024-06-01T14:30}, seconds optional), without a time zone; each stands
     * for its first moment. Blank or null bounds are open.
     *
     * @param after  the earliest date taken (included)
     * @param before the date taken before which photos must be (not included)
     * @throws IllegalArgumentException with a sentence naming the bound, when one cannot be read or the range is empty
     */
    public static TakenRange parse(String after, String before, String afterName, String beforeName) {
        return new TakenRange(bound(after, afterName), bound(before, beforeName));
    }

    /** Whether this lets every photo through. */
    public boolean isAny() {
        return from == null && before == null;
    }

    /** Whether a photo with this metadata is in the range. */
    public boolean contains(PhotoMetadata metadata) {
        if (isAny()) {
            return true;
        }
        LocalDateTime taken = metadata == null ? null : metadata.taken();
        return taken != null && (from == null || !taken.isBefore(from)) && (before == null || taken.isBefore(before));
    }

    private static LocalDateTime bound(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (YEAR.matcher(t).matches()) {
                return LocalDate.of(Integer.parseInt(t), 1, 1).atStartOfDay();
            }
            if (MONTH.matcher(t).matches()) {
                return YearMonth.parse(t).atDay(1).atStartOfDay();
            }
            if (DAY.matcher(t).matches()) {
                return LocalDate.parse(t).atStartOfDay();
            }
            if (TIME.matcher(t).matches()) {
                return LocalDateTime.parse(t.replace(' ', 'T'));
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(name + " is not a real date: " + shown(t) + ".");
        }
        throw new IllegalArgumentException(name + " must be a date such as 2024-06-01 (or 2024, 2024-06,"
                + " 2024-06-01T14:30), as the photo's clock shows it, without a time zone; got " + shown(t) + ".");
    }

    private static String shown(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
