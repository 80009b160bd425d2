package org.imageorganizer.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How far an import has come.
 *
 * @param done            files finished (imported, duplicate or failed)
 * @param total           files found so far
 * @param imported        new images added to the library
 * @param duplicates      files whose content was already in the library
 * @param failed          files that could not be imported
 * @param currentFile     the file most recently finished, if any
 * @param imagesPerSecond files finished per second since the start
 */
public record ImportProgress(int done, int total, int imported, int duplicates, int failed,
        String currentFile, double imagesPerSecond) {

    /** Estimated time left, when the rate is known. */
    public Optional<Duration> eta() {
        if (imagesPerSecond <= 0 || done >= total) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) ((total - done) / imagesPerSecond * 1000)));
    }
}
