package org.imageorganizer.store;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The keys of {@code library_info}'s rows (one named setting of the library each), and how values are read back. */
final class LibraryInfoKeys {

    static final String LIBRARY_VERSION = "library_version";
    static final String MODEL_ID = "model_id";
    static final String LIBRARY_ID = "library_id";
    /** Counts the transactions that add, hash or remove photos; its row lock serialises them (ADR 0036). */
    static final String NEAR_DUPLICATE_SERIAL = "near_duplicate_serial";
    /** The link rule the near-duplicate links are complete for, or null (ADR 0036). */
    static final String NEAR_DUPLICATE_LINKS = "near_duplicate_links";
    /**
     * The claiming model's near-duplicate veto (minimum CLIP cosine), recorded at each claim; no row in a library
     * claimed before it was recorded (there is no migration for it: rows are inserted when missing).
     */
    static final String NEAR_DUPLICATE_VETO = "near_duplicate_veto";
    /** The claiming model's input image size in pixels, recorded like {@link #NEAR_DUPLICATE_VETO}. */
    static final String MODEL_IMAGE_SIZE = "model_image_size";
    /** Below this confidence a photo's label is "other" (V7; the settings' value when the library got it). */
    static final String CONFIDENCE_THRESHOLD = "confidence_threshold";
    /** Counts the changes of existing photos' labels (V7), so that the groups are read again. */
    static final String LABEL_SERIAL = "label_serial";

    private LibraryInfoKeys() {
    }

    /** A recorded veto read back: empty when there is no row, no value or a value that is not a finite number. */
    static OptionalDouble veto(String value) {
        try {
            double veto = value == null ? Double.NaN : Double.parseDouble(value);
            return Double.isFinite(veto) ? OptionalDouble.of(veto) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** A recorded image size read back: empty when there is no row, no value or not a positive whole number. */
    static OptionalInt imageSize(String value) {
        try {
            int size = value == null ? 0 : Integer.parseInt(value.strip());
            return size > 0 ? OptionalInt.of(size) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The recorded confidence threshold, or the default when none is recorded or it cannot be read. */
    static double threshold(String value) {
        try {
            double threshold = value == null ? Double.NaN : Double.parseDouble(value);
            return threshold >= 0 && threshold < 1 ? threshold : DEFAULT_THRESHOLD;
        } catch (NumberFormatException e) {
            return DEFAULT_THRESHOLD;
        }
    }

    /** The threshold of a library without one (the settings' default). */
    static final double DEFAULT_THRESHOLD = org.imageorganizer.model.LabelSettings.defaults().confidenceThreshold();
}
