package org.imageorganizer.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import org.imageorganizer.model.DuplicateFile;
import org.imageorganizer.model.ImportSummary;

/**
 * The whole outcome of an import, as {@code organize --report FILE} writes it: every file imported
 * (with its id), every duplicate (with the image it duplicates and why), every failure (with the
 * reason). Paths are absolute.
 */
record ImportReport(
        int found,
        List<Imported> imported,
        List<Duplicate> duplicates,
        List<Failed> failed,
        boolean cancelled,
        @JsonProperty("elapsed_seconds") double elapsedSeconds) {

    record Imported(String path, long id) {
    }

    /**
     * @param kind       {@code earlier_run}: the library had it before this import; {@code same_import}: another
     *                   file of this import, earlier in walk order, has the same content
     * @param original   the path (or storage key) of the image it duplicates
     * @param originalId that image's id; null when it could not be imported either
     * @param moved      the library's record followed this file from where it was before
     */
    record Duplicate(String path, String kind, String original, @JsonProperty("original_id") Long originalId,
            boolean moved) {
    }

    record Failed(String path, String reason) {
    }

    static ImportReport of(ImportSummary s) {
        return new ImportReport(s.found(),
                s.importedFiles().stream().map(f -> new Imported(f.path().toString(), f.id())).toList(),
                s.duplicateFiles().stream().map(ImportReport::duplicate).toList(),
                s.failures().stream().map(f -> new Failed(f.path().toString(), f.reason())).toList(),
                s.cancelled(), s.elapsed().toMillis() / 1000.0);
    }

    private static Duplicate duplicate(DuplicateFile d) {
        return new Duplicate(d.path().toString(), d.kind().name().toLowerCase(Locale.ROOT), d.original(),
                d.originalId(), d.moved());
    }
}
