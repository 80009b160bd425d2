package org.imageorganizer.importer;

import org.imageorganizer.model.ImportListener;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.ImageStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files into the library in three overlapping stages: decode workers hash, decode and
 * augment; inference threads run the model on batches and classify; the calling thread stores
 * each image in its own transaction (so a crash loses only the images in flight and a rerun
 * resumes) and reports progress. A semaphore bounds the files in flight, so memory stays flat
 * whatever the number of files.
 */
public final class ImportPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ImportPipeline.class);
    private static final long NOTIFY_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final ImageDecoder decoder;
    private final ImageEmbedder embedder;
    private final ImageClassifier classifier;
    private final ImageRepository images;
    private final ImageStorage storage;
    private final LibraryObserver observer;
    private final ImportOptions options;

    public ImportPipeline(ImageDecoder decoder, ImageEmbedder embedder, ImageClassifier classifier,
            ImageRepository images, ImageStorage storage, LibraryObserver observer, ImportOptions options) {
        this.decoder = decoder;
        this.embedder = embedder;
        this.classifier = classifier;
        this.images = images;
        this.storage = storage;
        this.observer = observer;
        this.options = options;
    }

    /**
     * Imports every image under the given files and folders. Returns when all are done or, after
     * {@code cancelled} turns true, when the images in flight are finished.
     */
    public ImportSummary run(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        ImportTally tally = new ImportTally(listener, start);
        List<Path> files = new ArrayList<>();
        new FileWalker().walk(roots, files::add, tally::failed, cancelled);
        tally.found(files);
        LOG.info("Import of {} files from {} started ({})", files.size(), roots, options);

        BlockingQueue<FileOutcome.Prepared> prepared = new LinkedBlockingQueue<>();
        BlockingQueue<FileOutcome> results = new LinkedBlockingQueue<>();
        Semaphore inFlight = new Semaphore(options.queueImages());
        ExecutorService workers = Executors.newFixedThreadPool(options.decodeWorkers(), daemon("import-decode-"));
        FilePreparer preparer = new FilePreparer(files, decoder, embedder, images, storage);
        List<Thread> threads = new ArrayList<>();
        threads.add(daemon("import-feed").newThread(
                () -> feed(files, preparer, workers, prepared, results, inFlight, cancelled)));
        for (int i = 0; i < options.inferenceThreads(); i++) {
            threads.add(daemon("import-inference-").newThread(new InferenceWorker(embedder, classifier, prepared, results,
                    options.imagesPerCall(embedder.views()), options.adaptiveTta())));
        }
        threads.forEach(Thread::start);
        try {
            record(results, inFlight, new ImageCommitter(images, tally, embedder.manifest().modelId()), tally);
        } finally {
            workers.shutdownNow();
            threads.forEach(Thread::interrupt);
        }
        if (tally.imported() > 0) {
            observer.libraryChanged();
        }
        ImportSummary summary = tally.summary(cancelled.getAsBoolean(), Duration.ofNanos(System.nanoTime() - start));
        LOG.info("Import finished: {} imported, {} duplicates, {} failed, cancelled {}, {} s", summary.imported(),
                summary.duplicates(), summary.failures().size(), summary.cancelled(), summary.elapsed().toMillis() / 1000.0);
        return summary;
    }

    /** Submits every file to the decode workers, never more than the semaphore allows at once. */
    private void feed(List<Path> files, FilePreparer preparer, ExecutorService workers,
            BlockingQueue<FileOutcome.Prepared> prepared, BlockingQueue<FileOutcome> results, Semaphore inFlight,
            BooleanSupplier cancelled) {
        try {
            // the workers take the files in walk order, which FirstCopies relies on
            for (int i = 0; i < files.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                inFlight.acquire();
                int index = i;
                workers.execute(() -> {
                    FileOutcome outcome = preparer.prepare(index);
                    if (outcome instanceof FileOutcome.Prepared p) {
                        prepared.add(p);
                    } else {
                        results.add(outcome);
                    }
                });
            }
            workers.shutdown();
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } catch (InterruptedException | RejectedExecutionException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (int i = 0; i < options.inferenceThreads(); i++) {
                prepared.add(InferenceWorker.NO_MORE);
            }
        }
    }

    /** Stores results and counts them until every inference thread has finished. */
    private void record(BlockingQueue<FileOutcome> results, Semaphore inFlight, ImageCommitter committer, ImportTally tally) {
        int running = options.inferenceThreads();
        long lastNotify = System.nanoTime();
        try {
            List<FileOutcome> ready = new ArrayList<>();
            List<FileOutcome.Embedded> embedded = new ArrayList<>();
            while (running > 0) {
                ready.add(results.take());
                results.drainTo(ready);
                for (FileOutcome next : ready) {
                    if (next instanceof FileOutcome.End) {
                        running--;
                    } else if (next instanceof FileOutcome.Embedded e) {
                        embedded.add(e);
                    } else if (next instanceof FileOutcome.Duplicate duplicate) {
                        if (duplicate.sameAs() != null) {
                            tally.sameAs(duplicate.file(), duplicate.sameAs());
                        } else {
                            tally.inLibrary(duplicate.file(), duplicate.inLibrary(), duplicate.relocated());
                        }
                        inFlight.release();
                    } else if (next instanceof FileOutcome.Failed failed) {
                        tally.failed(new FileFailure(failed.file(), failed.reason()));
                        inFlight.release();
                    }
                }
                committer.commitAll(embedded);
                inFlight.release(embedded.size());
                ready.clear();
                embedded.clear();
                if (System.nanoTime() - lastNotify > NOTIFY_NANOS) {
                    observer.libraryChanged();
                    lastNotify = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix.endsWith("-") ? prefix + number.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }
}
