package org.imageorganizer.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.DuplicateImageException;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.NewImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of every ingestion, and the one way a new image enters the library: builds its row,
 * inserts it and tells the observer. Each image is stored in its own transaction, or a few that left
 * the model together in one, so every finished image survives a crash. When the library refuses an
 * image, the bytes its source stored for it are taken back ({@link Placement#undo}): a failure leaves
 * neither a row without a file nor a file without a row. Safe to call from many threads.
 */
final class ImageCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(ImageCommitter.class);

    /**
     * Where a new image's bytes are, as its source placed them: a user's file indexed in place, or an
     * upload in the managed folder or the cloud.
     *
     * @param fileName the name to show
     * @param undo     takes the stored bytes back when the library refuses the image (best effort, never throws)
     * @param modified an indexed file's modification time to record (nanoseconds since the epoch), or null
     */
    record Placement(StorageKind kind, String location, String fileName, Runnable undo, Long modified) {
        /** Bytes the source stored (an upload): no file time to record. */
        Placement(StorageKind kind, String location, String fileName, Runnable undo) {
            this(kind, location, fileName, undo, null);
        }

        /** A user's file, indexed where it is, with its modification time (or null); nothing to take back. */
        static Placement inPlace(Path file, Long modified) {
            return new Placement(StorageKind.INDEXED, file.toString(), file.getFileName().toString(), () -> {
            }, modified);
        }
    }

    /** An image through the model, placed, ready to be stored. */
    record Ready(PreparedImage image, InferenceBatcher.Inferred inferred, Placement placement) {
    }

    /** What became of one image. */
    sealed interface Committed {
    }

    /** Stored as a new image with this id. */
    record Stored(long id) implements Committed {
    }

    /** The library got the same content meanwhile (another import, another program). */
    record AlreadyInLibrary(ImageRecord existing) implements Committed {
    }

    /** The library refused it (a database error). */
    record Refused(RuntimeException cause) implements Committed {
    }

    private final ImageRepository images;
    private final LibraryChanges changes;
    private final String modelId;

    ImageCommitter(ImageRepository images, LibraryChanges changes, String modelId) {
        this.images = images;
        this.changes = changes;
        this.modelId = modelId;
    }

    /**
     * Stores one image.
     *
     * @throws DuplicateImageException when the library got the same content meanwhile
     * @throws RuntimeException        when the library could not store it; either way its bytes were taken back
     */
    ImageRecord store(Ready ready) {
        ImageRecord stored;
        try {
            stored = images.insert(toNewImage(ready));
        } catch (RuntimeException e) {
            ready.placement().undo().run();
            throw e;
        }
        changes.changed();
        return stored;
    }

    /**
     * Stores images that left the model together in one transaction; if that fails (a duplicate
     * among them, a database error), stores them one by one so each gets its own outcome.
     *
     * @return what became of each, in the order given
     */
    List<Committed> storeAll(List<Ready> ready) {
        if (ready.size() > 1) {
            List<NewImage> batch = new ArrayList<>(ready.size());
            ready.forEach(r -> batch.add(toNewImage(r)));
            try {
                List<Long> ids = images.insertAll(batch);
                changes.changed();
                return ids.stream().<Committed>map(Stored::new).toList();
            } catch (RuntimeException e) {
                LOG.debug("Batch insert of {} images failed, storing them one by one: {}", ready.size(), e.toString());
            }
        }
        List<Committed> outcomes = new ArrayList<>(ready.size());
        for (Ready r : ready) {
            outcomes.add(storeOne(r));
        }
        return outcomes;
    }

    private Committed storeOne(Ready ready) {
        try {
            return new Stored(store(ready).id());
        } catch (DuplicateImageException e) {
            return new AlreadyInLibrary(e.existing());
        } catch (RuntimeException e) {
            LOG.error("Could not store {}", ready.placement().location(), e);
            return new Refused(e);
        }
    }

    private NewImage toNewImage(Ready ready) {
        PreparedImage image = ready.image();
        Placement placement = ready.placement();
        return new NewImage(image.sha256(), placement.location(), placement.fileName(), image.byteSize(),
                image.decoded().width(), image.decoded().height(), image.decoded().format(), placement.kind(),
                ready.inferred().classification(), ready.inferred().embedding(), modelId, placement.modified(),
                image.perceptualHash() == null ? null : image.perceptualHash().toBytes(), image.metadata());
    }
}
