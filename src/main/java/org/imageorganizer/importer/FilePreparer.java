package org.imageorganizer.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.ImageStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder source's side of the prepare stage, run on the decode workers: read the file, then what
 * only a folder import needs around the shared {@link ImagePreparer}: an earlier file of the walk with
 * the same content is the original ({@link FirstCopies}), and a record of the library whose indexed
 * file is gone follows it to its new place. A file the library has unchanged ({@link WalkedFiles}) is
 * not read: its recorded hash stands for its content. A file read again and found in the library at
 * its own path gets its modification time recorded, so the next import skips it. Never throws: every
 * problem becomes a {@link FileOutcome.Failed} with a reason.
 */
final class FilePreparer {
    private static final Logger LOG = LoggerFactory.getLogger(FilePreparer.class);

    private final ImagePreparer preparer;
    private final OpeningLibrary library;
    private final ImageStorage storage;
    private final WalkedFiles walked;
    private final List<Path> files;
    private final FirstCopies firstCopies = new FirstCopies();
    private final Runnable newContent;

    /**
     * @param walked     the import's files in walk order; {@link #prepare} takes an index into them
     * @param newContent told (on a worker, possibly many times) when a file with content the library lacks
     *                   is about to be decoded: the model will be needed
     */
    FilePreparer(WalkedFiles walked, ImagePreparer preparer, OpeningLibrary library, ImageStorage storage,
            Runnable newContent) {
        this.walked = walked;
        this.newContent = newContent;
        this.files = walked.files();
        this.preparer = preparer;
        this.library = library;
        this.storage = storage;
    }

    /** Prepares the file at {@code index} of the walk; call it once for every index submitted. */
    FileOutcome prepare(int index) {
        Path file = files.get(index);
        boolean reported = false;
        try {
            ImageRecord unchanged = walked.unchanged(index);
            if (unchanged != null) {
                reported = true;
                int original = firstCopies.originalOf(index, unchanged.sha256());
                return original != index ? FileOutcome.Duplicate.sameAs(file, files.get(original))
                        : FileOutcome.Duplicate.inLibrary(file, unchanged, false);
            }
            byte[] content = preparer.read(file);
            String sha256 = ImagePreparer.sha256(content);
            reported = true;
            int original = firstCopies.originalOf(index, sha256);
            if (original != index) {
                return FileOutcome.Duplicate.sameAs(file, files.get(original));
            }
            Optional<ImageRecord> existing = preparer.inLibrary(sha256);
            if (existing.isPresent()) {
                ImageRecord record = existing.get();
                return FileOutcome.Duplicate.inLibrary(file, record, followMovedFile(record, file, walked.modifiedToRecord(index)));
            }
            newContent.run();
            return new FileOutcome.Prepared(file, preparer.prepare(sha256, content).withFileTime(walked.modified(index)),
                    walked.modifiedToRecord(index));
        } catch (ImageRejectedException e) {
            return new FileOutcome.Failed(file, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FileOutcome.Failed(file, "the import stopped before it was read");
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.warn("Unexpected failure on {}", file, e);
            return new FileOutcome.Failed(file, "could not be processed (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (!reported) {
                firstCopies.noContent(index);
            }
        }
    }

    /**
     * When the library's copy of this content was an indexed file that is gone, point the record at this
     * file; when it is still there, record this file as another place the photo is in; when it is this
     * very file, record its modification time (if it is to be trusted). Each waits for a library still opening.
     */
    private boolean followMovedFile(ImageRecord existing, Path file, Long modified) throws InterruptedException {
        if (existing.storage() != StorageKind.INDEXED) {
            return false;
        }
        if (existing.location().equals(file.toString())) {
            if (modified != null) {
                library.await().locations().recordFileModified(existing.id(), file.toString(), modified);
            }
            return false;
        }
        if (storage.exists(existing)) {
            library.await().locations().recordCopy(existing.id(), file.toString(), file.getFileName().toString(), modified);
            return false;
        }
        library.await().locations().relocate(existing.id(), file.toString(), file.getFileName().toString(), modified);
        LOG.info("Image {} moved from {} to {}", existing.id(), existing.location(), file);
        return true;
    }
}
