package org.imageorganizer.services;

import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.importer.UploadService;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.model.UploadOutcome;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.UploadStore;

/**
 * {@link Uploads} over the importer's upload path. The one place that knows the importer's own
 * upload path. Removing an image is not done here but by
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
     * @param observer    told when an image was added (the clusterer)
     * @param decodeSlots how many uploads may be decoded at once
     * @param batchImages the most images one model call takes
     */
    public static ImporterUploads start(ImageDecoder decoder, ImageEmbedder embedder, ImageClassifier classifier,
            ImageRepository images, UploadStore store, LibraryObserver observer, int decodeSlots,
            int batchImages) {
        return new ImporterUploads(new UploadService(decoder, embedder, classifier, images, store, observer, decodeSlots,
                batchImages));
    }

    @Override
    public UploadOutcome upload(String clientFileName, byte[] content) throws InterruptedException {
        return service.upload(clientFileName, content);
    }

    /** Finishes the uploads already with the model. */
    @Override
    public void close() {
        service.close();
    }
}
