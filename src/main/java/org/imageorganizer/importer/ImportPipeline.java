package org.imageorganizer.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.LibraryDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder source of the ingestion stages: imports the files under some folders, indexed where they
 * are. The walk notes each file's size and modification time, and the files the library has unchanged
 * are not read ({@link WalkedFiles}). Decode workers read, hash and prepare the others
 * ({@link FilePreparer} around the shared {@link ImagePreparer}); the {@link InferenceBatcher} runs the
 * model on batches and classifies; the calling thread stores each image in its own transaction through
 * the {@link ImageCommitter} (so a crash loses only the images in flight and a rerun resumes) and
 * reports progress. A semaphore bounds the files in flight, so memory stays flat whatever the number
 * of files. The model is asked for ({@link ModelOnDemand#load}) by the first file whose content the
 * library lacks, and loads while the workers decode; only the model stage waits for it, and the
 * listener is told while it does ({@link ImportListener#loadingModel()}). The library may still be
 * opening too ({@link OpeningLibrary}): only the writes wait for it.
 */
public final class ImportPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ImportPipeline.class);
    private static final Duration NOTIFY_EVERY = Duration.ofSeconds(3);
    /**
     * Files in flight while the library is still opening, or the model asked for by then still loading:
     * enough for the first batches, so that the first images are ready to commit when both are, and few
     * enough that decoding more of them does not hold up the open and the load (the cores are few;
     * ADRs 0029 and 0039).
     */
    static final int BEFORE_OPEN = 4;

    private final ImageEmbedder embedder;
    private final ModelOnDemand model;
    private final OpeningLibrary library;
    private final ImageStorage storage;
    private final LibraryObserver observer;
    private final ImportOptions options;
    private final ImagePreparer preparer;

    /** A pipeline on a model loaded already. */
    public ImportPipeline(ImageDecoder decoder, ImageEmbedder embedder, ImageClassifier classifier,
            LibraryDatabase library, ImageStorage storage, LibraryObserver observer, ImportOptions options) {
        this(decoder, embedder, ModelOnDemand.loaded(embedder.manifest(), classifier), OpeningLibrary.open(library), storage,
                observer, options);
    }

    /**
     * A pipeline that loads the model only when a file needs it, on a library that may still be opening.
     *
     * @param embedder built on {@code model.model()}: it prepares images at once, and its embeddings wait for the load
     * @param observer told when images were added; only once the library is open
     */
    public ImportPipeline(ImageDecoder decoder, ImageEmbedder embedder, ModelOnDemand model,
            OpeningLibrary library, ImageStorage storage, LibraryObserver observer, ImportOptions options) {
        this.embedder = embedder;
        this.model = model;
        this.library = library;
        this.storage = storage;
        this.observer = observer;
        this.options = options;
        this.preparer = new ImagePreparer(decoder, embedder, library::findBySha256);
    }

    /**
     * Imports every image under the given files and folders. Returns when all are done or, after
     * {@code cancelled} turns true, when the images in flight are finished.
     */
    public ImportSummary run(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        return run(FolderWalk.of(roots, listener, cancelled), cancelled);
    }

    /**
     * Imports the files of a walk (asking the library which are unchanged, unless the walk knows it).
     * Returns when all are done or, after {@code cancelled} turns true, when the images in flight are finished.
     */
    public ImportSummary run(FolderWalk walk, BooleanSupplier cancelled) {
        walk.lookUp(library::unchangedFiles);
        WalkedFiles walked = walk.walked();
        ImportTally tally = walk.tally();
        List<Path> files = walked.files();
        LOG.info("Import of {} files from {} started, {} to read ({})", files.size(), walk.roots(), walked.toRead(), options);

        BooleanSupplier stop = () -> cancelled.getAsBoolean() || model.loadFailure() != null || library.failure() != null;
        BlockingQueue<FileOutcome> results = new LinkedBlockingQueue<>();
        int beforeOpen = Math.min(BEFORE_OPEN, options.queueImages());
        Semaphore inFlight = new Semaphore(beforeOpen);
        Runnable releaseRest = () -> inFlight.release(options.queueImages() - beforeOpen);
        library.whenSettled(() -> {
            if (model.requested()) {
                model.whenSettled(releaseRest);
            } else {
                releaseRest.run();
            }
        });
        ExecutorService workers = Executors.newFixedThreadPool(options.decodeWorkers(), daemon("import-decode-"));
        InferenceBatcher batcher = InferenceBatcher.forFolders(embedder, model::classifier, options);
        // the first file with new content starts the model's load, in the background while the workers go on
        AtomicBoolean asked = new AtomicBoolean();
        FilePreparer filePreparer = new FilePreparer(walked, preparer, library, storage, () -> askForModel(walk.listener(), asked));
        LibraryChanges changes = new LibraryChanges(observer, NOTIFY_EVERY);
        Thread feed = daemon("import-feed").newThread(
                () -> feed(files, index -> prepare(filePreparer, index, batcher, results), workers, batcher, results,
                        inFlight, stop));
        feed.start();
        try {
            record(results, inFlight, committer(changes), changes, tally);
        } finally {
            workers.shutdownNow();
            feed.interrupt();
            batcher.stopNow();
        }
        recordCopies(tally.copiesWithinWalk(), walked);
        changes.flush(tally.imported() > 0);
        throwIfFailed(library.failure());
        throwIfFailed(model.loadFailure());
        ImportSummary summary = tally.summary(cancelled.getAsBoolean(), walk.elapsed());
        LOG.info("Import finished: {} imported, {} duplicates, {} failed, cancelled {}, {} s", summary.imported(),
                summary.duplicates(), summary.failures().size(), summary.cancelled(), summary.elapsed().toMillis() / 1000.0);
        return summary;
    }

    /**
     * Records the files of the walk that had the content of an earlier one as other places their photo is
     * in ({@code ImageLocations.recordCopy}), once the earlier one's image is known; a copy the library
     * had unchanged is recorded already. A failure is logged and leaves the import's outcome as it is.
     */
    private void recordCopies(List<ImportTally.Copy> copies, WalkedFiles walked) {
        if (copies.isEmpty() || library.failure() != null) {
            return;
        }
        try {
            var locations = library.await().locations();
            for (ImportTally.Copy copy : copies) {
                if (copy.index() < 0 || walked.unchanged(copy.index()) != null) {
                    continue;
                }
                Path file = copy.file().path();
                try {
                    locations.recordCopy(copy.file().originalId(), file.toString(), String.valueOf(file.getFileName()),
                            walked.modifiedToRecord(copy.index()));
                } catch (RuntimeException e) {
                    LOG.warn("Could not record {} as another place of image {}: {}", file, copy.file().originalId(), e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the model's load (once per import); when the import must wait for it, the listener hears
     * {@link ImportListener#loadingModel()} now and {@link ImportListener#modelReady()} when it is ready.
     */
    private void askForModel(ImportListener listener, AtomicBoolean asked) {
        if (asked.compareAndSet(false, true) && !model.ready()) {
            listener.loadingModel();
            model.whenReady(listener::modelReady);
        }
        model.load();
    }


    /** The committer, made when the first images are ready to be stored: the library may be opening until then. */
    private CommitterSource committer(LibraryChanges changes) {
        ImageCommitter[] made = {null};
        return () -> {
            if (made[0] == null) {
                made[0] = new ImageCommitter(library.await().images(), changes, model.manifest().modelId());
            }
            return made[0];
        };
    }

    /** Gives the committer, waiting for the library if need be; on the consuming thread only. */
    @FunctionalInterface
    private interface CommitterSource {
        ImageCommitter get() throws InterruptedException;
    }

    /**
     * The library could not be opened or the model loaded: the import stopped, and the reason goes to
     * the caller as a failure at the start would.
     */
    private static void throwIfFailed(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    /** Prepares one file on a decode worker and, when it is new, hands it to the model; its outcome goes to {@code results}. */
    private static void prepare(FilePreparer preparer, int index, InferenceBatcher batcher,
            BlockingQueue<FileOutcome> results) {
        FileOutcome outcome = preparer.prepare(index);
        if (!(outcome instanceof FileOutcome.Prepared p)) {
            results.add(outcome);
            return;
        }
        Path file = p.file();
        batcher.submit(p.image().tensor()).whenComplete((inferred, failure) -> results.add(failure == null
                ? new FileOutcome.Embedded(file, new ImageCommitter.Ready(p.image().withoutPixels(), inferred,
                        ImageCommitter.Placement.inPlace(file, p.modified())))
                : new FileOutcome.Failed(file, "the model could not process it (" + cause(failure).getClass().getSimpleName() + ")")));
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Submits every file to the decode workers, never more than the semaphore allows at once. */
    private static void feed(List<Path> files, IntConsumer prepare, ExecutorService workers,
            InferenceBatcher batcher, BlockingQueue<FileOutcome> results, Semaphore inFlight, BooleanSupplier cancelled) {
        int submitted = 0;
        try {
            // the workers take the files in walk order, which FirstCopies relies on
            for (int i = 0; i < files.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                inFlight.acquire();
                if (cancelled.getAsBoolean()) { // it may have come while waiting (for a library opening, say)
                    break;
                }
                int index = i;
                workers.execute(() -> prepare.accept(index));
                submitted++;
            }
            workers.shutdown();
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } catch (InterruptedException | RejectedExecutionException e) {
            Thread.currentThread().interrupt();
        } finally {
            batcher.endOfInput();
            results.add(new FileOutcome.End(submitted));
        }
    }

    /** Stores results and counts them until every file submitted has its outcome. */
    private static void record(BlockingQueue<FileOutcome> results, Semaphore inFlight, CommitterSource committer,
            LibraryChanges changes, ImportTally tally) {
        int expected = -1;
        int received = 0;
        try {
            List<FileOutcome> ready = new ArrayList<>();
            List<FileOutcome.Embedded> embedded = new ArrayList<>();
            while (expected < 0 || received < expected) {
                ready.add(results.take());
                results.drainTo(ready);
                for (FileOutcome next : ready) {
                    if (next instanceof FileOutcome.End end) {
                        expected = end.submitted();
                        continue;
                    }
                    received++;
                    if (next instanceof FileOutcome.Embedded e) {
                        embedded.add(e);
                    } else if (next instanceof FileOutcome.Duplicate duplicate) {
                        if (duplicate.sameAs() != null) {
                            tally.sameAs(duplicate.file(), duplicate.sameAs());
                        } else {
                            tally.inLibrary(duplicate.file(), duplicate.inLibrary(), duplicate.relocated());
                            if (duplicate.relocated()) {
                                changes.changed();
                            }
                        }
                        inFlight.release();
                    } else if (next instanceof FileOutcome.Failed failed) {
                        tally.failed(new FileFailure(failed.file(), failed.reason()));
                        inFlight.release();
                    }
                }
                if (!embedded.isEmpty()) {
                    commit(embedded, committer.get(), tally);
                }
                inFlight.release(embedded.size());
                ready.clear();
                embedded.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void commit(List<FileOutcome.Embedded> embedded, ImageCommitter committer, ImportTally tally) {
        List<ImageCommitter.Committed> committed = committer.storeAll(embedded.stream().map(FileOutcome.Embedded::ready).toList());
        for (int i = 0; i < embedded.size(); i++) {
            Path file = embedded.get(i).file();
            ImageCommitter.Committed outcome = committed.get(i);
            if (outcome instanceof ImageCommitter.Stored stored) {
                tally.imported(file, stored.id());
            } else if (outcome instanceof ImageCommitter.AlreadyInLibrary already) {
                tally.inLibrary(file, already.existing(), false); // another program added the same content meanwhile
            } else if (outcome instanceof ImageCommitter.Refused refused) {
                tally.failed(new FileFailure(file, "could not be stored in the library ("
                        + refused.cause().getClass().getSimpleName() + ")"));
            }
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix.endsWith("-") ? prefix + number.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }
}
