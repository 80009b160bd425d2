package org.imageorganizer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.imageorganizer.ml.ClipModel;

/**
 * The model's own ceiling: {@code get_image_features} alone, on random input, at several batch
 * sizes, with one or more threads calling the model at once (as the import's inference threads
 * do). Nothing else runs meanwhile, so this is the best an import could do.
 */
final class ModelCeilingBench {
    private final ClipModel model;
    private final double secondsPerBatchSize;

    ModelCeilingBench(ClipModel model, double secondsPerBatchSize) {
        this.model = model;
        this.secondsPerBatchSize = secondsPerBatchSize;
    }

    /** Images (views) per second for each batch size, with {@code callers} threads calling the model at once. */
    Map<Integer, Double> run(int callers, int... batchSizes) {
        Map<Integer, Double> result = new LinkedHashMap<>();
        for (int batch : batchSizes) {
            result.put(batch, measure(Math.max(1, callers), batch));
        }
        return result;
    }

    private double measure(int callers, int batch) {
        AtomicLong images = new AtomicLong();
        CountDownLatch warm = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        Stopwatch[] watch = new Stopwatch[1];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            float[] pixels = randomPixels(batch, t);
            Thread thread = new Thread(() -> {
                model.embedImages(pixels, batch); // warm-up: the first calls optimise the graph
                model.embedImages(pixels, batch);
                warm.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                do {
                    model.embedImages(pixels, batch);
                    images.addAndGet(batch);
                } while (watch[0].seconds() < secondsPerBatchSize);
            }, "ceiling-" + t);
            threads.add(thread);
            thread.start();
        }
        try {
            warm.await();
            watch[0] = new Stopwatch();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return images.get() / watch[0].seconds();
    }

    private float[] randomPixels(int batch, long seed) {
        int size = model.manifest().imageSize();
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[batch * 3 * size * size];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        return pixels;
    }
}
