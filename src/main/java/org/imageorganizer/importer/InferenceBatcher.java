package org.imageorganizer.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.imageorganizer.common.BackgroundThreads;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.model.Classification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model stage of every ingestion: callers submit prepared images and get a future of their
 * embedding and labels, while one or more threads run the model on whatever has queued up (all views of
 * all images of a batch in one call) and classify. A batch waits for company until it is full or nothing
 * has arrived for a pause: a small batch costs far more per image (batch 1 runs at 2/3 of batch 16's
 * rate), but a person waiting for an upload should not wait long. A folder import's first batches are
 * small and grow ({@link #FIRST_FOLDER_BATCH} images, then twice as many each time, up to the full
 * size), so that its first images are stored without waiting for a full batch to go through the model
 * (ADR 0029). With adaptive TTA the extra views run only for images whose labels are uncertain after
 * the first.
 */
final class InferenceBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceBatcher.class);
    /** How long a folder import's batch waits for the decoders to add an image. */
    static final Duration FOLDER_PAUSE = Duration.ofMillis(250);
    /** How long an upload's batch waits for another upload: short, as a person is waiting. */
    static final Duration UPLOAD_PAUSE = Duration.ofMillis(15);
    private static final long IDLE_POLL_MILLIS = 200;
    /** Images in the first batch of a folder import; each later batch may take twice as many, up to the full size. */
    static final int FIRST_FOLDER_BATCH = 1;

    /** The model's answer for one image. */
    record Inferred(float[] embedding, Classification classification) {
    }

    private record Job(float[] tensor, CompletableFuture<Inferred> result) {
    }

    private final ImageEmbedder embedder;
    private final Supplier<ImageClassifier> classifier;
    private final int maxBatch;
    private final int firstBatch;
    private final AtomicInteger batchesStarted = new AtomicInteger();
    private final long pauseNanos;
    private final boolean adaptive;
    private final boolean background;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean stopped;

    /**
     * Starts the model threads.
     *
     * @param classifier gives the classifier when the first batch has been through the model (a folder
     *                   import's model loads meanwhile, see {@link ModelOnDemand}); may block
     * @param maxBatch   the most images one model call takes
     * @param firstBatch the most images the first call takes; each later call may take twice as many as the
     *                   one before, up to {@code maxBatch}
     * @param pause      how long a batch that is not full waits for one more image
     * @param threads    model callers running side by side, each on its own batch
     * @param adaptive   run the extra TTA views only for uncertain images
     * @param background run at background priority, so that requests waiting for the CPU go first
     */
    InferenceBatcher(ImageEmbedder embedder, Supplier<ImageClassifier> classifier, int maxBatch, int firstBatch,
            Duration pause, int threads, boolean adaptive, boolean background, ThreadFactory factory) {
        this.embedder = embedder;
        this.classifier = classifier;
        this.maxBatch = maxBatch;
        this.firstBatch = Math.max(1, Math.min(firstBatch, maxBatch));
        this.pauseNanos = pause.toNanos();
        this.adaptive = adaptive;
        this.background = background;
        running.set(threads);
        for (int i = 0; i < threads; i++) {
            Thread thread = factory.newThread(this::loop);
            thread.setDaemon(true);
            this.threads.add(thread);
        }
        this.threads.forEach(Thread::start);
    }

    /**
     * A folder import's model stage: the threads, batch size and TTA its options say. The embedder's
     * model and the classifier may still be loading: the first batch waits for them.
     */
    static InferenceBatcher forFolders(ImageEmbedder embedder, Supplier<ImageClassifier> classifier, ImportOptions options) {
        int perCall = options.imagesPerCall(embedder.views());
        return new InferenceBatcher(embedder, classifier, perCall, FIRST_FOLDER_BATCH, FOLDER_PAUSE,
                options.inferenceThreads(), options.adaptiveTta(), false, named("import-inference-"));
    }

    /** The upload service's model stage: one thread of background priority shared by all requests. */
    static InferenceBatcher forUploads(ImageEmbedder embedder, ImageClassifier classifier, int batchImages) {
        return new InferenceBatcher(embedder, () -> classifier, batchImages, batchImages, UPLOAD_PAUSE, 1, false, true,
                r -> new Thread(r, "upload-inference"));
    }

    /**
     * Queues a prepared image's model input (from {@link ImageEmbedder#prepare}); the batcher recycles it.
     * The future fails when the model fails on the image's batch or the batcher is shut down.
     */
    CompletableFuture<Inferred> submit(float[] tensor) {
        CompletableFuture<Inferred> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("the model is shut down"));
            return result;
        }
        queue.add(new Job(tensor, result));
        if (stopped) {
            failQueued(); // every model thread ended meanwhile: nobody else will answer
        }
        return result;
    }

    /** No more images will come: the threads finish those queued and end, without waiting for company. */
    void endOfInput() {
        closed = true;
    }

    private void loop() {
        if (background) {
            BackgroundThreads.lowerCurrent(); // the model yields the CPU to requests (reads) waiting for it
        }
        List<Job> batch = new ArrayList<>(maxBatch);
        try {
            while (!closed || !queue.isEmpty()) {
                Job first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch, nextBatchSize());
                run(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            batch.forEach(job -> job.result().completeExceptionally(new IllegalStateException("the model is shut down")));
            if (running.decrementAndGet() == 0) {
                stopped = true;
                closed = true;
                failQueued();
            }
        }
    }

    /** The most images of the batch about to run: the first is small, each one after may be twice as big. */
    int nextBatchSize() {
        int started = batchesStarted.getAndIncrement();
        return started >= 31 ? maxBatch : (int) Math.min(maxBatch, (long) firstBatch << started);
    }

    /** Adds queued images until the batch has {@code size}, the input has ended or nothing came for a pause. */
    private void fill(List<Job> batch, int size) throws InterruptedException {
        while (batch.size() < size) {
            queue.drainTo(batch, size - batch.size());
            if (batch.size() >= size || closed) {
                return;
            }
            Job next = queue.poll(pauseNanos, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void run(List<Job> batch) {
        try {
            List<float[]> tensors = new ArrayList<>(batch.size());
            batch.forEach(job -> tensors.add(job.tensor()));
            float[][] embeddings;
            ImageClassifier labels;
            if (adaptive) {
                labels = classifier.get();
                embeddings = embedder.embedAdaptive(tensors, labels::uncertain);
            } else {
                embeddings = embedder.embed(tensors);
                labels = classifier.get();
            }
            for (int i = 0; i < batch.size(); i++) {
                embedder.recycle(batch.get(i).tensor());
                batch.get(i).result().complete(new Inferred(embeddings[i], labels.classify(embeddings[i])));
            }
        } catch (RuntimeException | Error e) {
            // every image of the batch gets an answer, or its caller would wait for it forever
            LOG.error("The model failed on a batch of {} images", batch.size(), e);
            batch.forEach(job -> job.result().completeExceptionally(e));
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        }
    }

    private void failQueued() {
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(job -> job.result().completeExceptionally(new IllegalStateException("the model is shut down")));
    }

    /** Finishes the images already queued (for up to a minute), then stops the threads. */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.forEach(Thread::interrupt);
    }

    /** Stops the threads now; images still queued or in a batch being filled are failed. */
    void stopNow() {
        closed = true;
        threads.forEach(Thread::interrupt);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return r -> new Thread(r, prefix + number.incrementAndGet());
    }
}
