package org.imageorganizer.services;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.model.RemoteCopy;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.RemoteCopyRepository;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.store.RemoteStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ImageRemoval} over the store: the row, the file in the managed folder (an upload), and the
 * cloud copy, which is deleted or kept with a mark as the user chose ({@code cloudinary.on_delete});
 * then the library's observer (the clusterer) is told, once. A user's original indexed in place is
 * never touched. The server's DELETE /images/ID and the window's Remove both come here.
 */
public final class ImageRemover implements ImageRemoval {
    private static final Logger LOG = LoggerFactory.getLogger(ImageRemover.class);

    /** What becomes of an image's cloud copy when the image leaves the library. */
    public enum OnDelete {
        /** The copy is deleted from the cloud (with its cached thumbnails). */
        DELETE,
        /** The copy stays in the cloud, tagged as deleted from the library. */
        KEEP;

        /** "delete" or "keep", as in the settings. */
        public static OnDelete parse(String text) {
            if (text == null || text.isBlank()) {
                return DELETE;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "delete" -> DELETE;
                case "keep", "mark" -> KEEP;
                default -> throw new IllegalArgumentException(
                        "cloudinary.on_delete must be \"delete\" or \"keep\", got \"" + text + "\"");
            };
        }
    }

    private final ImageRepository images;
    private final RemoteCopyRepository copies;
    private final ManagedFolder managed;
    private final Optional<RemoteStore> cloud;
    private final OnDelete onDelete;
    private final LibraryObserver observer;

    /**
     * @param copies   the library's record of cloud copies, or null when there is none to consult
     * @param cloud    the cloud store, when this process has its credentials
     * @param onDelete what to do with an image's cloud copy
     * @param observer told once after each removal (the clusterer)
     */
    public ImageRemover(ImageRepository images, RemoteCopyRepository copies, ManagedFolder managed,
            Optional<RemoteStore> cloud, OnDelete onDelete, LibraryObserver observer) {
        this.images = Objects.requireNonNull(images, "images");
        this.copies = copies;
        this.managed = Objects.requireNonNull(managed, "managed");
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        this.onDelete = Objects.requireNonNull(onDelete, "onDelete");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** Removes files only: no cloud. */
    public static ImageRemover local(ImageRepository images, ManagedFolder managed, LibraryObserver observer) {
        return new ImageRemover(images, null, managed, Optional.empty(), OnDelete.DELETE, observer);
    }

    /**
     * Removes an image; slow when it has a cloud copy (a request to the cloud, with retries).
     *
     * @return what was removed, or empty when there was no image with this id
     */
    @Override
    public Optional<Removed> remove(long id) throws InterruptedException {
        Optional<ImageRecord> found = images.findById(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ImageRecord image = found.get();
        Optional<RemoteCopy> copy = image.storage() == StorageKind.CLOUDINARY
                ? parse(image.location())
                : copies == null ? Optional.empty() : copies.find(id).flatMap(RemoteCopyRepository.State::copy);
        if (!images.delete(id)) { // its remote_copy row goes with it (ON DELETE CASCADE)
            return Optional.empty();
        }
        try {
            boolean fileDeleted = false;
            if (image.storage() == StorageKind.MANAGED) {
                try {
                    fileDeleted = managed.delete(image.location());
                } catch (IOException e) {
                    LOG.warn("Could not delete stored file {}: {}", image.location(), e.toString());
                }
            }
            return Optional.of(new Removed(image, fileDeleted,
                    copy.isEmpty() ? RemoteOutcome.NONE : removeCopy(image, copy.get())));
        } finally {
            observer.libraryChanged(); // the row is gone, whatever became of the copies
        }
    }

    private RemoteOutcome removeCopy(ImageRecord image, RemoteCopy copy) throws InterruptedException {
        if (cloud.isEmpty()) {
            LOG.warn("Image {} has a Cloudinary copy {}, left as it is: Cloudinary is not configured here", image.id(),
                    copy.publicId());
            return RemoteOutcome.FAILED;
        }
        try {
            if (onDelete == OnDelete.DELETE) {
                cloud.get().delete(copy);
                return RemoteOutcome.DELETED;
            }
            cloud.get().markDeleted(copy);
            return RemoteOutcome.KEPT;
        } catch (RemoteStoreException e) {
            LOG.warn("Could not {} the cloud copy {} of image {}: {}", onDelete == OnDelete.DELETE ? "delete" : "tag",
                    copy.publicId(), image.id(), e.getMessage());
            return RemoteOutcome.FAILED;
        }
    }

    private static Optional<RemoteCopy> parse(String location) {
        try {
            return Optional.of(RemoteCopy.parse(location));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
