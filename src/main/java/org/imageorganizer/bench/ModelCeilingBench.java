package org.imageorganizer.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.imageorganizer.ml.ClipModel;

/**
 * The model's own ceiling: {@code get_image_features} alone, on random input, at several batch
 * sizes. Nothing else runs meanwhile, so this is the best an import could do.
 */
final class ModelCeilingBench {
    private final ClipModel model;
    private final double secondsPerBatchSize;

    ModelCeilingBench(ClipModel model, double secondsPerBatchSize) {
        this.model = model;
        this.secondsPerBatchSize = secondsPerBatchSize;
    }

    /** Images (views) per second for each batch size, with {@code callers} threads calling the model at once. */
    Map<Integer, Double> runWithCallers(int callers, int... batchSizes) {
        if (callers <= 1) {
            return run(batchSizes);
        }
        Map<Integer, Double> result = new LinkedHashMap<>();
        for (int batch : batchSizes) {
            java.util.concurrent.atomic.AtomicLong images = new java.util.concurrent.atomic.AtomicLong();
            Stopwatch[] watch = new Stopwatch[1];
            java.util.concurrent.CountDownLatch warm = new java.util.concurrent.CountDownLatch(callers);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Thread> threads = new java.util.ArrayList<>();
            for (int t = 0; t < callers; t++) {
                Thread thread = new Thread(() -> {
                    float[] pixels = randomPixels(batch, t0());
                    model.embedImages(pixels, batch);
                    model.embedImages(pixels, batch);
                    warm.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    while (watch[0].seconds() < secondsPerBatchSize) {
                        model.embedImages(pixels, batch);
                        images.addAndGet(batch);
                    }
                });
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
                throw new IllegalStateException(e);
            }
            result.put(batch, images.get() / watch[0].seconds());
        }
        return result;
    }

    private static int t0() {
        return 1;
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

    /** Images (views) per second for each batch size. */
    Map<Integer, Double> run(int... batchSizes) {
        Map<Integer, Double> result = new LinkedHashMap<>();
        int size = model.manifest().imageSize();
        SplittableRandom random = new SplittableRandom(1);
        for (int batch : batchSizes) {
            float[] pixels = new float[batch * 3 * size * size];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }
            model.embedImages(pixels, batch); // warm-up: first calls optimise the graph
            model.embedImages(pixels, batch);
            Stopwatch watch = new Stopwatch();
            int images = 0;
            do {
                model.embedImages(pixels, batch);
                images += batch;
            } while (watch.seconds() < secondsPerBatchSize || images < 3 * batch);
            result.put(batch, images / watch.seconds());
        }
        return result;
    }
}
