package org.imageorganizer.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.imageorganizer.common.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thumbnails kept on disk by content hash and size, so they are made once and survive restarts.
 * Files are written to a temporary name and moved into place, so a reader never sees half a file.
 */
public final class ThumbnailCache {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailCache.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Supplies an image's bytes when its thumbnail is not cached yet. */
    @FunctionalInterface
    public interface Source {
        byte[] bytes() throws IOException, ImageRejectedException;
    }

    private final Path folder;
    private final Supplier<Thumbnailer> thumbnailer;
    private Thumbnailer made;

    public ThumbnailCache(Path folder, Thumbnailer thumbnailer) {
        this.folder = folder;
        this.thumbnailer = () -> thumbnailer;
    }

    /**
     * @param thumbnailer made on the first thumbnail that is not cached yet: a decoder loads native
     *                    libraries, which thumbnails read from the cache do not need
     */
    public ThumbnailCache(Path folder, Supplier<Thumbnailer> thumbnailer) {
        this.folder = folder;
        this.thumbnailer = thumbnailer;
    }

    private synchronized Thumbnailer thumbnailer() {
        if (made == null) {
            made = thumbnailer.get();
        }
        return made;
    }

    /**
     * The cached thumbnail, made from {@code source} the first time.
     *
     * @param sha256 the image's content hash (the cache key)
     */
    public byte[] get(String sha256, int maxSide, Source source) throws IOException, ImageRejectedException {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        Path file = folder.resolve(Integer.toString(maxSide)).resolve(sha256.substring(0, 2)).resolve(sha256 + ".jpg");
        if (Files.isRegularFile(file)) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                LOG.debug("Cached thumbnail {} unreadable, making it again: {}", file, e.toString());
            }
        }
        byte[] jpeg = thumbnailer().jpeg(source.bytes(), maxSide);
        try {
            AtomicFiles.write(file, jpeg);
        } catch (IOException e) {
            LOG.warn("Could not cache a thumbnail in {}: {}", folder, e.toString());
        }
        return jpeg;
    }
}
