package org.imageorganizer.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.store.ImageStorage;

/** {@link ImageFiles} over the library's storage (originals, the managed folder, the cloud) and the thumbnail cache. */
public final class StoredImageFiles implements ImageFiles {
    private final ImageStorage storage;
    private final Supplier<ThumbnailCache> thumbnails;

    public StoredImageFiles(ImageStorage storage, ThumbnailCache thumbnails) {
        this.storage = storage;
        this.thumbnails = () -> thumbnails;
    }

    /**
     * @param thumbnails made on the first thumbnail asked for (the decoder loads native libraries: a
     *                   command that never shows a thumbnail should not pay for them)
     */
    public StoredImageFiles(ImageStorage storage, Supplier<ThumbnailCache> thumbnails) {
        this.storage = storage;
        this.thumbnails = memoized(thumbnails);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    @Override
    public boolean exists(ImageRecord image) {
        return storage.exists(image);
    }

    @Override
    public InputStream open(ImageRecord image) throws IOException {
        return storage.open(image);
    }

    @Override
    public Optional<Path> localFile(ImageRecord image) {
        return storage.localFile(image);
    }

    /** @throws UndecodableImageException when the bytes can be read but not decoded */
    @Override
    public byte[] thumbnail(ImageRecord image, int maxSide) throws IOException {
        try {
            return thumbnails.get().get(image.sha256(), maxSide, () -> {
                try (InputStream in = storage.open(image)) {
                    return in.readAllBytes();
                }
            });
        } catch (ImageRejectedException e) {
            throw new UndecodableImageException(e.getMessage(), e);
        }
    }
}
