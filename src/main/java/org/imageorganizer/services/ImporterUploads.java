package org.imageorganizer.services;

import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.importer.UploadOutcome;
import org.imageorganizer.importer.UploadService;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.UploadStore;

/**
 * {@link Uploads} over the importer's upload path. The one place that knows the importer's own
 * outcome types: front ends see {@link UploadResult}. Removing an image is not done here but by
 * {@link ImageRemoval}.
 */
public final class ImporterUploads implements Uploads, AutoCloseable {
    private final UploadService service;

    public ImporterUploads(UploadService service) {
        this.service = service;
    }

    /**
     * Starts the upload path on a library.
     *
     * @param store       where uploads go: the managed folder, or the cloud store (chosen when the server starts)
     * @param managed     the managed folder
     * @param observer    told when an image was added (the clusterer)
     * @param decodeSlots how many uploads may be decoded at once
     * @param batchImages the most images one model call takes
     */
    public static ImporterUploads start(ImageDecoder decoder, ImageEmbedder embedder, ImageClassifier classifier,
            ImageRepository images, UploadStore store, ManagedFolder managed, LibraryObserver observer, int decodeSlots,
            int batchImages) {
        // the importer's own remover is never used: removal goes through ImageRemoval
        return new ImporterUploads(new UploadService(decoder, embedder, classifier, images, store,
                org.imageorganizer.sync.ImageRemover.local(images, managed), observer, decodeSlots, batchImages));
    }

    @Override
    public UploadResult upload(String clientFileName, byte[] content) throws InterruptedException {
        return result(service.upload(clientFileName, content));
    }

    static UploadResult result(UploadOutcome outcome) {
        if (outcome instanceof UploadOutcome.Created created) {
            return new UploadResult.Created(created.fileName(), created.image());
        }
        if (outcome instanceof UploadOutcome.Duplicate duplicate) {
            return new UploadResult.Duplicate(duplicate.fileName(), duplicate.image());
        }
        if (outcome instanceof UploadOutcome.NotStored notStored) {
            return new UploadResult.NotStored(notStored.fileName(), notStored.temporary(), notStored.reason());
        }
        UploadOutcome.Rejected rejected = (UploadOutcome.Rejected) outcome;
        return new UploadResult.Rejected(rejected.fileName(), refusal(rejected.kind()), rejected.reason());
    }

    private static UploadResult.Refusal refusal(ImageRejectedException.Kind kind) {
        return switch (kind) {
            case NOT_SUPPORTED -> UploadResult.Refusal.NOT_SUPPORTED;
            case TOO_LARGE -> UploadResult.Refusal.TOO_LARGE;
            case DAMAGED -> UploadResult.Refusal.DAMAGED;
            case UNREADABLE -> UploadResult.Refusal.UNREADABLE;
        };
    }

    /** Finishes the uploads already with the model. */
    @Override
    public void close() {
        service.close();
    }
}
