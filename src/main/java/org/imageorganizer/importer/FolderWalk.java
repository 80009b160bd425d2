package org.imageorganizer.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.store.FileStamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of a folder import, before anything is read: the files under the roots in walk
 * order with their sizes and modification times (the problems met on the way already reported),
 * and which of them the library has unchanged. An import whose files are all unchanged has nothing
 * to read and nothing to write: {@link #summaryOfUnchanged} ends it there, so that it needs neither
 * the library opened for writing nor the model (ADR 0029). Otherwise
 * {@link ImportPipeline#run(FolderWalk, BooleanSupplier)} goes on from here. For one import only.
 */
public final class FolderWalk {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWalk.class);

    private final List<Path> roots;
    private final ImportListener listener;
    private final long startNanos;
    private final ImportTally tally;
    private final WalkedFiles walked;
    private boolean lookedUp;

    private FolderWalk(List<Path> roots, ImportListener listener) {
        this.roots = List.copyOf(roots);
        this.listener = listener;
        this.startNanos = System.nanoTime();
        this.tally = new ImportTally(listener, startNanos);
        this.walked = new WalkedFiles(Instant.now());
    }

    /** Who hears of the import's progress. */
    ImportListener listener() {
        return listener;
    }

    /**
     * Walks the roots; the listener hears of the paths that cannot be read as they are met, then of
     * the number of files found.
     */
    public static FolderWalk of(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        FolderWalk walk = new FolderWalk(roots, listener);
        new FileWalker().walkWithAttributes(walk.roots, walk.walked::add, walk.tally::failed, cancelled);
        walk.tally.found(walk.walked.files());
        return walk;
    }

    /**
     * Asks the library which files it has unchanged, unless that was asked already.
     *
     * @param unchangedFiles the library's answer ({@code ImageLocations.unchangedFiles} or
     *                       {@code LibraryReader.unchangedFiles}: one rule); when it fails, every file is read
     */
    public void lookUp(Function<Collection<FileStamp>, Map<String, ImageRecord>> unchangedFiles) {
        if (!lookedUp) {
            walked.lookUp(unchangedFiles);
            lookedUp = true;
        }
    }

    /** Whether every file found is one the library has unchanged: nothing to read, embed or write. */
    public boolean allUnchanged() {
        return lookedUp && walked.toRead() == 0;
    }

    /**
     * Ends an import whose files are all unchanged ({@link #allUnchanged}): each is already in the
     * library from an earlier run, reported exactly as the pipeline reports a file it skips unread
     * (two files of a walk are never the same file, so none is a copy of another).
     */
    public ImportSummary summaryOfUnchanged(BooleanSupplier cancelled) {
        if (!allUnchanged()) {
            throw new IllegalStateException("some files must be read: run the pipeline");
        }
        List<Path> files = walked.files();
        for (int i = 0; i < files.size() && !cancelled.getAsBoolean(); i++) {
            tally.inLibrary(files.get(i), walked.unchanged(i), false);
        }
        ImportSummary summary = tally.summary(cancelled.getAsBoolean(), elapsed());
        LOG.info("Import of {} files from {}: all in the library unchanged, {} s", files.size(), roots,
                summary.elapsed().toMillis() / 1000.0);
        return summary;
    }

    List<Path> roots() {
        return roots;
    }

    WalkedFiles walked() {
        return walked;
    }

    ImportTally tally() {
        return tally;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
