package org.imageorganizer.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imageorganizer.common.BackgroundThreads;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.model.UploadOutcome;
import org.imageorganizer.store.DuplicateImageException;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.RemoteStoreException;
import org.imageorganizer.store.UploadStore;

/**
 * The upload source of the ingestion stages: adds uploaded files to the library; safe to call from many threads at once. An upload is checked against the library, decoded
 * and prepared ({@link ImagePreparer}, on threads of background priority), run through the shared
 * model with whatever other uploads arrive meanwhile ({@link InferenceBatcher}), stored (in the
 * managed folder under a generated name, or in Cloudinary under a name derived from its content) and
 * recorded ({@link ImageCommitter}), in that order: a failure at any step leaves neither a row
 * without a file nor a file without a row. The same content arriving twice at the same moment ends as
 * one image.
 */
public final class UploadService implements AutoCloseable {

    private final ImagePreparer preparer;
    private final UploadStore store;
    private final InferenceBatcher batcher;
    private final ImageCommitter committer;
    private final ExecutorService decoders;
    private final Map<String, CompletableFuture<UploadOutcome>> inProgress = new ConcurrentHashMap<>();

    /**
     * @param store       where uploads go: the managed folder, or the cloud store (chosen when the server starts)
     * @param decodeSlots how many uploads may be decoded at once (bounds memory whatever the number of requests);
     *                    they are decoded on that many threads of background priority ({@link BackgroundThreads})
     * @param batchImages the most images one model call takes
     */
    public UploadService(ImageDecoder decoder, ImageEmbedder embedder, ImageClassifier classifier,
            ImageRepository images, UploadStore store, LibraryObserver observer, int decodeSlots,
            int batchImages) {
        this.preparer = new ImagePreparer(decoder, embedder, images::findBySha256);
        this.store = store;
        this.batcher = InferenceBatcher.forUploads(embedder, classifier, batchImages);
        this.committer = new ImageCommitter(images, new LibraryChanges(observer, Duration.ZERO),
                embedder.manifest().modelId());
        this.decoders = Executors.newFixedThreadPool(decodeSlots, BackgroundThreads.factory("upload-decode"));
    }

    /**
     * Imports one uploaded file; blocks until it is stored or refused.
     *
     * @param clientFileName the name the client sent, kept for display only
     * @param content        the file's bytes (the caller has already enforced its size limit)
     */
    public UploadOutcome upload(String clientFileName, byte[] content) throws InterruptedException {
        String fileName = FileNames.displayName(clientFileName);
        String sha256 = ImagePreparer.sha256(content);
        Optional<ImageRecord> existing = preparer.inLibrary(sha256);
        if (existing.isPresent()) {
            return new UploadOutcome.Duplicate(fileName, existing.get());
        }
        CompletableFuture<UploadOutcome> mine = new CompletableFuture<>();
        CompletableFuture<UploadOutcome> other = inProgress.putIfAbsent(sha256, mine);
        if (other != null) {
            return sameContentAs(fileName, other);
        }
        try {
            UploadOutcome outcome = importNew(fileName, sha256, content);
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException | Error | InterruptedException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inProgress.remove(sha256);
        }
    }

    /** The outcome for a file whose content another request is importing right now. */
    private static UploadOutcome sameContentAs(String fileName, CompletableFuture<UploadOutcome> other)
            throws InterruptedException {
        try {
            UploadOutcome first = other.get();
            if (first instanceof UploadOutcome.Created created) {
                return new UploadOutcome.Duplicate(fileName, created.image());
            }
            if (first instanceof UploadOutcome.Duplicate duplicate) {
                return new UploadOutcome.Duplicate(fileName, duplicate.image());
            }
            if (first instanceof UploadOutcome.NotStored notStored) {
                return new UploadOutcome.NotStored(fileName, notStored.temporary(), notStored.reason());
            }
            UploadOutcome.Rejected rejected = (UploadOutcome.Rejected) first;
            return new UploadOutcome.Rejected(fileName, rejected.kind(), rejected.reason());
        } catch (ExecutionException e) {
            throw new IllegalStateException("the same file, uploaded at the same time, failed", e.getCause());
        }
    }

    private UploadOutcome importNew(String fileName, String sha256, byte[] content) throws InterruptedException {
        PreparedImage prepared;
        try {
            prepared = prepareInBackground(sha256, content);
        } catch (ImageRejectedException e) {
            return new UploadOutcome.Rejected(fileName, kindOf(e), e.getMessage());
        }
        InferenceBatcher.Inferred inferred = awaitModel(batcher.submit(prepared.tensor()));
        UploadStore.Stored kept;
        try {
            kept = store.store(sha256, content, FileNames.extension(prepared.decoded().format()));
        } catch (RemoteStoreException e) {
            return new UploadOutcome.NotStored(fileName, e.kind() == RemoteStoreException.Kind.TEMPORARY, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the upload to the storage folder: " + e.getMessage(), e);
        }
        ImageCommitter.Placement placement = new ImageCommitter.Placement(kept.kind(), kept.location(), fileName,
                () -> store.discard(kept));
        try {
            ImageRecord stored = committer.store(new ImageCommitter.Ready(prepared.withoutPixels(), inferred, placement));
            return new UploadOutcome.Created(fileName, stored);
        } catch (DuplicateImageException e) {
            return new UploadOutcome.Duplicate(fileName, e.existing());
        }
    }

    /** Decodes and prepares the upload on one of the decoding threads (background priority, so requests go first). */
    private PreparedImage prepareInBackground(String sha256, byte[] content)
            throws InterruptedException, ImageRejectedException {
        Future<PreparedImage> job = decoders.submit(() -> preparer.prepare(sha256, content));
        try {
            return job.get();
        } catch (InterruptedException e) {
            job.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImageRejectedException rejected) {
                throw rejected;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("decoding the upload failed", e.getCause());
        }
    }

    private static InferenceBatcher.Inferred awaitModel(CompletableFuture<InferenceBatcher.Inferred> future)
            throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the model failed on the upload", e.getCause());
        }
    }

    /** Why the decoder refused a file, as the upload's outcome says it. */
    static UploadOutcome.RejectionKind kindOf(ImageRejectedException e) {
        return switch (e.kind()) {
            case NOT_SUPPORTED -> UploadOutcome.RejectionKind.NOT_SUPPORTED;
            case TOO_LARGE -> UploadOutcome.RejectionKind.TOO_LARGE;
            case DAMAGED -> UploadOutcome.RejectionKind.DAMAGED;
            case UNREADABLE -> UploadOutcome.RejectionKind.UNREADABLE;
        };
    }

    /** Finishes the uploads already with the model. */
    @Override
    public void close() {
        decoders.shutdown();
        batcher.close();
    }
}
