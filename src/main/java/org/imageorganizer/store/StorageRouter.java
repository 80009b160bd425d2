package org.imageorganizer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;

/** The library's storage: each image goes to the storage its record names ({@link ImageRecord#storage()}). */
public final class StorageRouter implements ImageStorage {
    private final IndexedFiles indexed;
    private final ManagedFolder managed;
    private final Optional<ImageStorage> cloud;

    public StorageRouter(IndexedFiles indexed, ManagedFolder managed) {
        this(indexed, managed, Optional.empty());
    }

    /** @param cloud the cloud store, for images kept only there ({@link StorageKind#CLOUDINARY}) */
    public StorageRouter(IndexedFiles indexed, ManagedFolder managed, Optional<ImageStorage> cloud) {
        this.indexed = indexed;
        this.managed = managed;
        this.cloud = cloud;
    }

    /** Images in a cloud store that this process has no credentials for. */
    private static final ImageStorage UNREACHABLE = new ImageStorage() {
        @Override
        public boolean exists(ImageRecord image) {
            return false;
        }

        @Override
        public InputStream open(ImageRecord image) throws IOException {
            throw new IOException("image " + image.id() + " is kept in Cloudinary, and Cloudinary is not configured here"
                    + " (set CLOUDINARY_URL).");
        }

        @Override
        public Optional<Path> localFile(ImageRecord image) {
            return Optional.empty();
        }
    };

    public ManagedFolder managed() {
        return managed;
    }

    private ImageStorage of(ImageRecord image) {
        return switch (image.storage()) {
            case INDEXED -> indexed;
            case MANAGED -> managed;
            case CLOUDINARY -> cloud.orElse(UNREACHABLE);
        };
    }

    @Override
    public boolean exists(ImageRecord image) {
        return of(image).exists(image);
    }

    @Override
    public InputStream open(ImageRecord image) throws IOException {
        return of(image).open(image);
    }

    @Override
    public Optional<Path> localFile(ImageRecord image) {
        return of(image).localFile(image);
    }
}
