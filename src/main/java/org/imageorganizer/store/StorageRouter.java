package org.imageorganizer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.imageorganizer.model.ImageRecord;

/** The library's storage: each image goes to the storage its record names ({@link ImageRecord#storage()}). */
public final class StorageRouter implements ImageStorage {
    private final IndexedFiles indexed;
    private final ManagedFolder managed;

    public StorageRouter(IndexedFiles indexed, ManagedFolder managed) {
        this.indexed = indexed;
        this.managed = managed;
    }

    public ManagedFolder managed() {
        return managed;
    }

    private ImageStorage of(ImageRecord image) {
        return switch (image.storage()) {
            case INDEXED -> indexed;
            case MANAGED -> managed;
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
