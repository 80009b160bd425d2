package org.imageorganizer.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.imageorganizer.common.BackgroundThreads;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.model.Classification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model shared by many callers (HTTP requests): each submits one prepared image and waits for
 * its embedding, while a single thread runs the model on whatever has queued up meanwhile, so
 * simultaneous uploads share a batch instead of queueing for the model one by one.
 */
final class ModelBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelBatcher.class);
    /** How long the first image of a batch waits for company: short, as a person is waiting. */
    private static final long FILL_WAIT_MILLIS = 15;

    record Result(float[] embedding, Classification classification) {
    }

    private record Job(float[] tensor, CompletableFuture<Result> result) {
    }

    private final ImageEmbedder embedder;
    private final ImageClassifier classifier;
    private final int maxBatch;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    ModelBatcher(ImageEmbedder embedder, ImageClassifier classifier, int maxBatch) {
        this.embedder = embedder;
        this.classifier = classifier;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::loop, "upload-inference");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a prepared image (from {@link ImageEmbedder#prepare}); the batcher recycles the tensor. */
    CompletableFuture<Result> submit(float[] tensor) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("the model is shut down"));
            return result;
        }
        queue.add(new Job(tensor, result));
        return result;
    }

    private void loop() {
        BackgroundThreads.lowerCurrent(); // the model yields the CPU to requests (reads) waiting for it
        List<Job> batch = new ArrayList<>(maxBatch);
        try {
            while (!closed || !queue.isEmpty()) {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FILL_WAIT_MILLIS);
                while (batch.size() < maxBatch) {
                    queue.drainTo(batch, maxBatch - batch.size());
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= maxBatch || left <= 0) {
                        break;
                    }
                    Job next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        batch.add(next);
                    }
                }
                run(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            batch.addAll(queue);
            batch.forEach(job -> job.result().completeExceptionally(new IllegalStateException("the model is shut down")));
        }
    }

    private void run(List<Job> batch) {
        try {
            List<float[]> tensors = new ArrayList<>(batch.size());
            batch.forEach(job -> tensors.add(job.tensor()));
            float[][] embeddings = embedder.embed(tensors);
            for (int i = 0; i < batch.size(); i++) {
                embedder.recycle(batch.get(i).tensor());
                batch.get(i).result().complete(new Result(embeddings[i], classifier.classify(embeddings[i])));
            }
        } catch (RuntimeException | Error e) {
            LOG.error("The model failed on a batch of {} uploads", batch.size(), e);
            batch.forEach(job -> job.result().completeExceptionally(e));
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        }
    }

    /** Finishes the images already queued, then stops the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
