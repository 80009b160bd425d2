package org.imageorganizer.model;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an import.
 *
 * @param found       image candidates found in the given paths
 * @param imported    new images added
 * @param duplicates  files whose content was already in the library (or earlier in this import)
 * @param relocated   of the duplicates, records that followed their file to a new path
 * @param failures    files that could not be imported, with reasons
 * @param cancelled   true when the user stopped the import
 * @param elapsed     wall-clock time
 */
public record ImportSummary(int found, int imported, int duplicates, int relocated,
        List<FileFailure> failures, boolean cancelled, Duration elapsed) {
    public ImportSummary {
        failures = List.copyOf(failures);
    }
}
