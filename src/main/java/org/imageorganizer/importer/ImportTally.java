package org.imageorganizer.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportProgress;
import org.imageorganizer.model.ImportSummary;

/** Counts an import's outcomes and reports progress; used from the import's consuming thread only. */
final class ImportTally {
    private final ImportListener listener;
    private final long startNanos;
    private final List<FileFailure> failures = new ArrayList<>();
    private int found;
    private int imported;
    private int duplicates;
    private int relocated;

    ImportTally(ImportListener listener, long startNanos) {
        this.listener = listener;
        this.startNanos = startNanos;
    }

    void found(int count) {
        found = count;
        report(null);
    }

    void imported(Path file) {
        imported++;
        report(file);
    }

    void duplicate(Path file, boolean relocatedRecord) {
        duplicates++;
        if (relocatedRecord) {
            relocated++;
        }
        report(file);
    }

    void failed(FileFailure failure) {
        failures.add(failure);
        listener.failed(failure);
        report(failure.path());
    }

    int imported() {
        return imported;
    }

    ImportSummary summary(boolean cancelled, Duration elapsed) {
        return new ImportSummary(found, imported, duplicates, relocated, failures, cancelled, elapsed);
    }

    private void report(Path file) {
        int done = imported + duplicates + failures.size();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        listener.progress(new ImportProgress(done, Math.max(found, done), imported, duplicates, failures.size(),
                file == null ? null : file.toString(), rate));
    }
}
