package org.imageorganizer.importer;

import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.DuplicateImageException;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.NewImage;
import org.imageorganizer.imaging.DecodedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the model on a batch of prepared images, classifies them and commits each one. */
final class BatchCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchCommitter.class);

    private final ImageEmbedder embedder;
    private final ImageClassifier classifier;
    private final ImageRepository images;
    private final ImportTally tally;

    BatchCommitter(ImageEmbedder embedder, ImageClassifier classifier, ImageRepository images, ImportTally tally) {
        this.embedder = embedder;
        this.classifier = classifier;
        this.images = images;
        this.tally = tally;
    }

    void commit(List<FileOutcome.Prepared> batch) {
        float[][] embeddings;
        try {
            List<float[]> tensors = new ArrayList<>(batch.size());
            batch.forEach(p -> tensors.add(p.tensor()));
            embeddings = embedder.embed(tensors);
        } catch (RuntimeException e) {
            LOG.error("The model failed on a batch of {} images", batch.size(), e);
            batch.forEach(p -> tally.failed(new FileFailure(p.file(), "the model could not process it ("
                    + e.getClass().getSimpleName() + ")")));
            return;
        }
        String modelId = embedder.manifest().modelId();
        for (int i = 0; i < batch.size(); i++) {
            FileOutcome.Prepared p = batch.get(i);
            Classification classification = classifier.classify(embeddings[i]);
            DecodedImage d = p.decoded();
            NewImage image = new NewImage(p.sha256(), p.file().toString(), p.file().getFileName().toString(),
                    p.byteSize(), d.width(), d.height(), d.format(), StorageKind.INDEXED, classification,
                    embeddings[i], modelId);
            try {
                images.insert(image);
                tally.imported(p.file());
            } catch (DuplicateImageException e) {
                tally.duplicate(p.file(), false);
            } catch (RuntimeException e) {
                LOG.error("Could not store {}", p.file(), e);
                tally.failed(new FileFailure(p.file(), "could not be stored in the library (" + e.getClass().getSimpleName() + ")"));
            }
        }
    }
}
