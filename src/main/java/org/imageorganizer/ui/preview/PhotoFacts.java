package org.imageorganizer.ui.preview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.PhotoMetadata;

/** The viewer's facts about a photo in words: categories with their confidence, dates, sentences. */
final class PhotoFacts {
    private PhotoFacts() {
    }

    /** The text as written (it may start with a file name), ending with a full stop. */
    static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!") ? trimmed : trimmed + ".";
    }

    /** "dog · 87%"; "other" says that no label was confident enough. */
    static String label(Label label) {
        String percent = percent(label.confidence());
        return Label.OTHER.equals(label.name()) ? "other · best guess only " + percent : label.name() + " · " + percent;
    }

    static String percent(double confidence) {
        double clamped = Math.max(0, Math.min(1, confidence));
        return Math.round(clamped * 100) + "%";
    }

    /**
     * "12 Mar 2024, 14:03" as the camera's clock showed it; a file's time is marked "(file date)": the
     * photo does not say when it was taken.
     */
    static String taken(PhotoMetadata metadata) {
        if (metadata.taken() == null) {
            return "Not recorded in the photo";
        }
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).format(metadata.taken());
        return metadata.takenFrom() == PhotoMetadata.TakenFrom.FILE_TIME ? when + " (file date)" : when;
    }

    static String added(Instant when, ZoneId zone) {
        return when == null ? "unknown"
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(zone).format(when);
    }
}
