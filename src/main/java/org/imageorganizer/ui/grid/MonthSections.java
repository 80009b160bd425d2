package org.imageorganizer.ui.grid;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.PhotoMetadata;

/** The words of dates in the grid: month headers ("June 2024", "No date") and the short date of a caption. */
public final class MonthSections {
    /** The header of the photos that have no date. */
    public static final String NO_DATE = "No date";

    private MonthSections() {
    }

    /** "June 2024" in {@code locale}'s words (a standalone month name), or {@link #NO_DATE} for null. */
    public static String title(LocalDateTime date, Locale locale) {
        return date == null ? NO_DATE : title(YearMonth.from(date), locale);
    }

    private static String title(YearMonth month, Locale locale) {
        String text = month.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    /**
     * The month headers of dates, each month's words made once (a grid of 100,000 photos asks for each photo's
     * header at every layout). Not thread-safe: the grid lays out on the FX thread.
     */
    public static Function<LocalDateTime, String> titles(Locale locale) {
        Map<YearMonth, String> made = new HashMap<>();
        return date -> date == null ? NO_DATE : made.computeIfAbsent(YearMonth.from(date), month -> title(month, locale));
    }

    /** The date a caption shows ("Jun 3, 2024" in English), or empty when the photo has none. */
    public static String caption(ImageRecord image, Locale locale) {
        LocalDateTime taken = image.metadata().taken();
        return taken == null ? "" : taken.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    /** Whether the photo's date is its file's time rather than the photo's own (shown as such). */
    public static boolean fromFileTime(ImageRecord image) {
        return image.metadata().takenFrom() == PhotoMetadata.TakenFrom.FILE_TIME;
    }
}
