package org.imageorganizer.cli;

import java.io.PrintWriter;
import java.util.List;
import org.imageorganizer.model.DuplicateFile;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportSummary;

/**
 * Prints what an import did: one line of counts, then the duplicates by kind (each with the image it
 * duplicates; the first {@value #NAMED} of each kind, or all of them when verbose) and the files
 * that could not be imported.
 */
final class ImportSummaryPrinter {
    /** Duplicates of one kind named without {@code -v}. */
    static final int NAMED = 20;

    private final DisplayPaths paths;
    private final boolean verbose;

    ImportSummaryPrinter(DisplayPaths paths, boolean verbose) {
        this.paths = paths;
        this.verbose = verbose;
    }

    void print(ImportSummary s, PrintWriter err) {
        List<DuplicateFile> earlier = s.duplicates(DuplicateFile.Kind.EARLIER_RUN);
        List<DuplicateFile> same = s.duplicates(DuplicateFile.Kind.SAME_IMPORT);
        err.printf("Found %d files: %d imported, %s, %d failed (%.1f s).%n", s.found(), s.imported(),
                duplicateCounts(s, earlier.size(), same.size()), s.failures().size(), s.elapsed().toMillis() / 1000.0);
        list("Already in the library from an earlier run:", earlier, err);
        list("Same content as another file (imported once):", same, err);
        if (!s.failures().isEmpty()) {
            err.println("Not imported:");
            for (FileFailure f : s.failures()) {
                err.println("  " + paths.show(f.path()) + ": " + f.reason());
            }
        }
        if (s.cancelled()) {
            err.println("Import cancelled; images imported so far are kept. Run the same command again to continue.");
        }
        err.flush();
    }

    private static String duplicateCounts(ImportSummary s, int earlier, int same) {
        String text = s.duplicates() + (s.duplicates() == 1 ? " duplicate" : " duplicates");
        if (earlier == 0 && same == 0) {
            return text;
        }
        StringBuilder kinds = new StringBuilder();
        if (earlier > 0) {
            kinds.append(earlier).append(" already in the library from an earlier run");
            if (s.relocated() > 0) {
                kinds.append(" (").append(s.relocated()).append(" moved, found again)");
            }
        }
        if (same > 0) {
            kinds.append(kinds.length() > 0 ? ", " : "").append(same).append(" same content as another file");
        }
        return text + " (" + kinds + ")";
    }

    private void list(String heading, List<DuplicateFile> duplicates, PrintWriter err) {
        if (duplicates.isEmpty()) {
            return;
        }
        err.println(heading);
        int shown = verbose ? duplicates.size() : Math.min(NAMED, duplicates.size());
        for (DuplicateFile d : duplicates.subList(0, shown)) {
            err.println("  " + describe(d));
        }
        if (shown < duplicates.size()) {
            err.println("  and " + (duplicates.size() - shown) + " more (-v names them all; --report FILE writes every outcome)");
        }
    }

    /** {@code photo_01_copy.jpg: same photo as nested/photo_01.jpg (id 12)}. */
    String describe(DuplicateFile d) {
        String original = paths.showLocation(d.original());
        String id = d.originalId() == null ? " (not imported either)" : " (id " + d.originalId() + ")";
        if (d.original().equals(d.path().toString())) {
            return paths.show(d.path()) + ": already in the library" + id;
        }
        if (d.moved()) {
            return paths.show(d.path()) + ": moved from " + original + id + ", found again";
        }
        return paths.show(d.path()) + ": same photo as " + original + id;
    }
}
