package org.imageorganizer.importer;

import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.DuplicateImageException;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.NewImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores embedded images as they leave the model, so every finished image survives a crash. */
final class ImageCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(ImageCommitter.class);

    private final ImageRepository images;
    private final ImportTally tally;
    private final String modelId;

    ImageCommitter(ImageRepository images, ImportTally tally, String modelId) {
        this.images = images;
        this.tally = tally;
        this.modelId = modelId;
    }

    /**
     * Stores images that left the model together in one transaction; if that fails (a duplicate
     * among them, a database error), stores them one by one so each gets its own outcome.
     */
    void commitAll(List<FileOutcome.Embedded> embedded) {
        if (embedded.size() > 1) {
            List<NewImage> batch = new ArrayList<>(embedded.size());
            embedded.forEach(e -> batch.add(toNewImage(e)));
            try {
                List<Long> ids = images.insertAll(batch);
                for (int i = 0; i < embedded.size(); i++) {
                    tally.imported(embedded.get(i).file(), ids.get(i));
                }
                return;
            } catch (RuntimeException e) {
                LOG.debug("Batch insert of {} images failed, storing them one by one: {}", embedded.size(), e.toString());
            }
        }
        embedded.forEach(this::commit);
    }

    private NewImage toNewImage(FileOutcome.Embedded e) {
        FileOutcome.Prepared p = e.prepared();
        DecodedImage d = p.decoded();
        return new NewImage(p.sha256(), p.file().toString(), p.file().getFileName().toString(),
                p.byteSize(), d.width(), d.height(), d.format(), StorageKind.INDEXED, e.classification(),
                e.embedding(), modelId);
    }

    void commit(FileOutcome.Embedded e) {
        FileOutcome.Prepared p = e.prepared();
        NewImage image = toNewImage(e);
        try {
            tally.imported(p.file(), images.insert(image).id());
        } catch (DuplicateImageException ex) {
            // another program added the same content meanwhile
            tally.inLibrary(p.file(), ex.existing(), false);
        } catch (RuntimeException ex) {
            LOG.error("Could not store {}", p.file(), ex);
            tally.failed(new FileFailure(p.file(), "could not be stored in the library (" + ex.getClass().getSimpleName() + ")"));
        }
    }
}
