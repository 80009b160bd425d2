package org.imageorganizer.model;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an import. The lists name the files, in walk order; the counts are kept for
 * callers that only count (a summary made with the short constructor has empty lists).
 *
 * @param found          image candidates found in the given paths
 * @param imported       new images added
 * @param duplicates     files whose content was already in the library (or earlier in this import)
 * @param relocated      of the duplicates, records that followed their file to a new path
 * @param failures       files that could not be imported, with reasons
 * @param cancelled      true when the user stopped the import
 * @param elapsed        wall-clock time
 * @param importedFiles  the files added, with their ids
 * @param duplicateFiles the duplicates, each with the image it duplicates
 */
public record ImportSummary(int found, int imported, int duplicates, int relocated,
        List<FileFailure> failures, boolean cancelled, Duration elapsed,
        List<ImportedFile> importedFiles, List<DuplicateFile> duplicateFiles) {
    public ImportSummary {
        failures = List.copyOf(failures);
        importedFiles = List.copyOf(importedFiles);
        duplicateFiles = List.copyOf(duplicateFiles);
    }

    /** A summary with counts only (no files named). */
    public ImportSummary(int found, int imported, int duplicates, int relocated, List<FileFailure> failures,
            boolean cancelled, Duration elapsed) {
        this(found, imported, duplicates, relocated, failures, cancelled, elapsed, List.of(), List.of());
    }

    /** The named duplicates of one kind, in walk order. */
    public List<DuplicateFile> duplicates(DuplicateFile.Kind kind) {
        return duplicateFiles.stream().filter(d -> d.kind() == kind).toList();
    }
}
