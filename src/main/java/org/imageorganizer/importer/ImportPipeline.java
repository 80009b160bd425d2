package org.imageorganizer.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files into the library: a feeder walks the paths, decode workers hash, decode and
 * augment in parallel, and the calling thread runs the model on batches, classifies and commits
 * each image as it finishes (so a crash loses only the images in flight and a rerun resumes).
 * Every queue is bounded, so memory stays flat whatever the number of files.
 */
public final class ImportPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ImportPipeline.class);

    private final ImageDecoder decoder;
    private final ImageEmbedder embedder;
    private final ImageClassifier classifier;
    private final ImageRepository images;
    private final LibraryObserver observer;
    private final ImportOptions options;

    public ImportPipeline(ImageDecoder decoder, ImageEmbedder embedder, ImageClassifier classifier,
            ImageRepository images, LibraryObserver observer, ImportOptions options) {
        this.decoder = decoder;
        this.embedder = embedder;
        this.classifier = classifier;
        this.images = images;
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
        tally.found(files.size());
        LOG.info("Import of {} files from {} started", files.size(), roots);

        FilePreparer preparer = new FilePreparer(decoder, embedder, images);
        BlockingQueue<FileOutcome> outcomes = new LinkedBlockingQueue<>();
        Semaphore inFlight = new Semaphore(options.queueImages());
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(options.decodeWorkers(), r -> {
            Thread t = new Thread(r, "import-decode-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Thread feeder = new Thread(() -> feed(files, preparer, workers, outcomes, inFlight, cancelled), "import-feed");
        feeder.setDaemon(true);
        feeder.start();
        BatchCommitter committer = new BatchCommitter(embedder, classifier, images, tally);
        try {
            consume(outcomes, inFlight, committer, tally);
        } finally {
            workers.shutdownNow();
            feeder.interrupt();
        }
        if (tally.imported() > 0) {
            observer.libraryChanged();
        }
        ImportSummary summary = tally.summary(cancelled.getAsBoolean(), Duration.ofNanos(System.nanoTime() - start));
        LOG.info("Import finished: {} imported, {} duplicates, {} failed, cancelled {}", summary.imported(),
                summary.duplicates(), summary.failures().size(), summary.cancelled());
        return summary;
    }

    private static void feed(List<Path> files, FilePreparer preparer, ExecutorService workers,
            BlockingQueue<FileOutcome> outcomes, Semaphore inFlight, BooleanSupplier cancelled) {
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        try {
            for (Path file : files) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                inFlight.acquire();
                submitted.incrementAndGet();
                workers.execute(() -> {
                    outcomes.add(preparer.prepare(file));
                    finished.incrementAndGet();
                });
            }
            workers.shutdown();
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } catch (InterruptedException | java.util.concurrent.RejectedExecutionException e) {
            Thread.currentThread().interrupt();
        } finally {
            outcomes.add(new FileOutcome.End(null));
        }
    }

    private void consume(BlockingQueue<FileOutcome> outcomes, Semaphore inFlight, BatchCommitter committer,
            ImportTally tally) {
        List<FileOutcome.Prepared> batch = new ArrayList<>(options.batchImages());
        long lastNotify = System.nanoTime();
        try {
            while (true) {
                FileOutcome next = batch.isEmpty() ? outcomes.take() : outcomes.poll(2, TimeUnit.MILLISECONDS);
                if (next == null || next instanceof FileOutcome.End || batch.size() >= options.batchImages()) {
                    if (!batch.isEmpty()) {
                        committer.commit(batch); // images in flight are finished even after a cancel
                        inFlight.release(batch.size());
                        batch.clear();
                        if (System.nanoTime() - lastNotify > TimeUnit.SECONDS.toNanos(3)) {
                            observer.libraryChanged();
                            lastNotify = System.nanoTime();
                        }
                    }
                    if (next == null) {
                        continue;
                    }
                }
                if (next instanceof FileOutcome.End) {
                    return;
                }
                if (next instanceof FileOutcome.Prepared prepared) {
                    batch.add(prepared);
                    continue;
                }
                inFlight.release();
                if (next instanceof FileOutcome.Duplicate duplicate) {
                    tally.duplicate(duplicate.file(), duplicate.relocated());
                } else if (next instanceof FileOutcome.Failed failed) {
                    tally.failed(new FileFailure(failed.file(), failed.reason()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
