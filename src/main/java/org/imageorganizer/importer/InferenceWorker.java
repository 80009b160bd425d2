package org.imageorganizer.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model caller: takes prepared images in batches, runs the model once per batch (all views of
 * all images together), classifies, and hands the results on. Several run side by side; each ends
 * with an {@link FileOutcome.End} on the results queue.
 */
final class InferenceWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceWorker.class);
    private static final long FILL_WAIT_MILLIS = 250;
    static final FileOutcome.Prepared NO_MORE = new FileOutcome.Prepared(null, null, 0, null, null);

    private final ImageEmbedder embedder;
    private final ImageClassifier classifier;
    private final BlockingQueue<FileOutcome.Prepared> prepared;
    private final BlockingQueue<FileOutcome> results;
    private final int batchImages;
    private final boolean adaptive;

    InferenceWorker(ImageEmbedder embedder, ImageClassifier classifier, BlockingQueue<FileOutcome.Prepared> prepared,
            BlockingQueue<FileOutcome> results, int batchImages, boolean adaptive) {
        this.embedder = embedder;
        this.classifier = classifier;
        this.prepared = prepared;
        this.results = results;
        this.batchImages = batchImages;
        this.adaptive = adaptive;
    }

    @Override
    public void run() {
        try {
            boolean more = true;
            while (more) {
                List<FileOutcome.Prepared> batch = new ArrayList<>(batchImages);
                FileOutcome.Prepared first = prepared.take();
                if (first == NO_MORE) {
                    break;
                }
                batch.add(first);
                while (batch.size() < batchImages) {
                    // a small batch costs far more per image (batch 1 runs at 2/3 of batch 16's rate), so wait
                    // for the decoders to fill it; stop waiting at the end of the files or after a pause
                    FileOutcome.Prepared next = prepared.poll(FILL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        break;
                    }
                    if (next == NO_MORE) {
                        more = false;
                        break;
                    }
                    batch.add(next);
                }
                process(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            results.add(new FileOutcome.End(null));
        }
    }

    private void process(List<FileOutcome.Prepared> batch) {
        try {
            List<float[]> tensors = new ArrayList<>(batch.size());
            batch.forEach(p -> tensors.add(p.tensor()));
            float[][] embeddings = adaptive
                    ? embedder.embedAdaptive(tensors, e -> classifier.uncertain(e))
                    : embedder.embed(tensors);
            for (int i = 0; i < batch.size(); i++) {
                FileOutcome.Prepared p = batch.get(i);
                embedder.recycle(p.tensor());
                results.add(new FileOutcome.Embedded(p.file(), p.withoutTensor(), embeddings[i],
                        classifier.classify(embeddings[i])));
            }
        } catch (RuntimeException | Error e) {
            // every image of the batch gets an outcome, or the import would wait for them forever
            LOG.error("The model failed on a batch of {} images", batch.size(), e);
            for (FileOutcome.Prepared p : batch) {
                results.add(new FileOutcome.Failed(p.file(), "the model could not process it (" + e.getClass().getSimpleName() + ")"));
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }
}
