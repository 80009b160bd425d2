package org.imageorganizer.cli;

import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportProgress;

/** Shows an import's progress (count, rate, time left, counts so far, current file); with -v, each skipped file too. */
final class ProgressReporter implements ImportListener, AutoCloseable {
    private final ProgressDisplay display;
    private final boolean verbose;

    ProgressReporter(ProgressDisplay display, boolean verbose) {
        this.display = display;
        this.verbose = verbose;
    }

    @Override
    public void progress(ImportProgress p) {
        display.update(p.done(), p.total(), String.format("%d new, %d dup, %d failed", p.imported(),
                p.duplicates(), p.failed()), p.currentFile());
    }

    @Override
    public void failed(FileFailure failure) {
        if (verbose) {
            display.message("skipped " + failure.path() + ": " + failure.reason());
        }
    }

    @Override
    public void close() {
        display.close();
    }
}
