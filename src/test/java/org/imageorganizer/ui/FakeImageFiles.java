package org.imageorganizer.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.testing.TestImages;

/**
 * Image files for view-model tests: which images exist and have a file here, and thumbnails made on
 * request (a real JPEG, 4:3, its longer side the size asked for), each request recorded. A missing
 * image's bytes and thumbnail fail with {@link NoSuchFileException}. Safe to use from several threads.
 */
public final class FakeImageFiles implements ImageFiles {
    public final Set<Long> existing = ConcurrentHashMap.newKeySet();
    public final Map<Long, Path> localFiles = new HashMap<>();
    /** The thumbnails asked for, in order: which image, at what size. */
    public final List<Request> thumbnailRequests = new CopyOnWriteArrayList<>();

    /** A thumbnail request: the image and the longer side asked for. */
    public record Request(long id, int maxSide) {
    }

    /** An indexed image whose file exists, at /photos/NAME. */
    public ImageRecord image(long id, String name) {
        ImageRecord image = new ImageRecord(id, "%064x".formatted(id), "/photos/" + name, name, 2_500_000L, 4000, 3000, "jpeg",
                Instant.parse("2025-03-14T09:26:53Z"),
                new Classification(new Label("dog", 0.873), new Label("beach", 0.61)), StorageKind.INDEXED);
        existing.add(id);
        localFiles.put(id, Path.of(image.location()));
        return image;
    }

    @Override
    public boolean exists(ImageRecord image) {
        return existing.contains(image.id());
    }

    @Override
    public InputStream open(ImageRecord image) throws IOException {
        if (!exists(image)) {
            throw new NoSuchFileException(image.location());
        }
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public Optional<Path> localFile(ImageRecord image) {
        return Optional.ofNullable(localFiles.get(image.id()));
    }

    @Override
    public byte[] thumbnail(ImageRecord image, int maxSide) throws IOException {
        thumbnailRequests.add(new Request(image.id(), maxSide));
        if (!exists(image)) {
            throw new NoSuchFileException(image.location());
        }
        return TestImages.encode(TestImages.picture(0, (int) image.id(), maxSide, maxSide * 3 / 4), "jpg");
    }
}
