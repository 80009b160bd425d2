package org.imageorganizer.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import org.imageorganizer.importer.ImportListener;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportProgress;

/** Shows an import's progress as a bar on stderr (count, rate, ETA, current file). */
final class ProgressReporter implements ImportListener, AutoCloseable {
    private final ProgressBar bar;
    private final PrintWriter err;
    private final boolean verbose;

    ProgressReporter(PrintStream stream, PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
        this.bar = ConsoleBars.images(stream, "Importing");
    }

    @Override
    public void progress(ImportProgress p) {
        bar.maxHint(p.total());
        bar.stepTo(p.done());
        String current = p.currentFile() == null ? "" : shorten(p.currentFile());
        // the bar itself shows elapsed / remaining time and the rate
        bar.setExtraMessage(String.format(" %d new, %d dup, %d failed  %s", p.imported(), p.duplicates(),
                p.failed(), current));
    }

    @Override
    public void failed(FileFailure failure) {
        if (verbose) {
            err.println("skipped " + failure.path() + ": " + failure.reason());
            err.flush();
        }
    }

    @Override
    public void close() {
        bar.close();
    }

    private static String shorten(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String name = slash >= 0 ? path.substring(slash + 1) : path;
        return name.length() > 30 ? name.substring(0, 27) + "..." : name;
    }
}
