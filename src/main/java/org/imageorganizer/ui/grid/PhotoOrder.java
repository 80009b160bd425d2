package org.imageorganizer.ui.grid;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import org.imageorganizer.model.ImageRecord;

/**
 * The orders the grid shows a tree row's photos in, each with the headers it puts between them: by date
 * taken (newest first, month headers, photos without a date after the dated ones, newest import first, under
 * "No date"), or by date added to the library (newest first, month headers).
 */
public enum PhotoOrder {
    DATE_TAKEN("Date taken"),
    DATE_ADDED("Date added");

    private final String label;

    PhotoOrder(String label) {
        this.label = label;
    }

    /** What the order is called where users choose it. */
    public String label() {
        return label;
    }

    /** Newest first by this order; ties (and photos without a date) by import, newest first, then by id. */
    public Comparator<ImageRecord> comparator() {
        Comparator<ImageRecord> byImport = Comparator.comparing(ImageRecord::importedAt,
                Comparator.nullsLast(Comparator.reverseOrder()));
        Comparator<ImageRecord> newestIdFirst = Comparator.comparingLong(ImageRecord::id).reversed();
        if (this == DATE_ADDED) {
            return byImport.thenComparing(newestIdFirst);
        }
        return Comparator.comparing((ImageRecord image) -> image.metadata().taken(),
                        Comparator.nullsLast(Comparator.<LocalDateTime>reverseOrder()))
                .thenComparing(byImport).thenComparing(newestIdFirst);
    }

    /** The month header each photo goes under in this order ("June 2024", "No date"). */
    public Function<ImageRecord, String> sections(Locale locale, ZoneId zone) {
        if (this == DATE_ADDED) {
            return image -> MonthSections.title(image.importedAt() == null ? null
                    : LocalDateTime.ofInstant(image.importedAt(), zone), locale);
        }
        return image -> MonthSections.title(image.metadata().taken(), locale);
    }

    @Override
    public String toString() {
        return label;
    }
}
