package org.imageorganizer.ui.grid;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads grid thumbnails in the background: from the disk cache when they are there, else made from
 * the image and cached. The newest request is served first (the cells on screen now), and the
 * last few hundred images stay in memory, so scrolling back is instant.
 */
public final class ThumbnailLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailLoader.class);
    public static final int SIZE = 256;
    private static final int MEMORY_ENTRIES = 600;

    private final ImageFiles files;
    private final ThreadPoolExecutor pool;
    private final Map<Long, Image> memory = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };

    public ThumbnailLoader(ImageFiles files, int threads) {
        this.files = files;
        LinkedBlockingDeque<Runnable> lastInFirstOut = new LinkedBlockingDeque<>() {
            @Override
            public boolean offer(Runnable r) {
                return offerFirst(r);
            }
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, lastInFirstOut, r -> {
            Thread t = new Thread(r, "thumbnails");
            t.setDaemon(true);
            return t;
        });
    }

    /** The thumbnail if it is in memory, else null (and {@link #load} fetches it). */
    public synchronized Image cached(long id) {
        return memory.get(id);
    }

    /**
     * Fetches the thumbnail in the background and hands it to {@code done} on the FX thread
     * ({@code null} when the image cannot be read: its file is gone, say).
     */
    public void load(ImageRecord image, Consumer<Image> done) {
        load(image, () -> true, done);
    }

    /**
     * As {@link #load(ImageRecord, Consumer)}, skipped when {@code stillWanted} says no by the time
     * its turn comes: the grid's cells move on to other images while an import refreshes the grid
     * several times a second, and their old requests would otherwise all be decoded.
     */
    public void load(ImageRecord image, BooleanSupplier stillWanted, Consumer<Image> done) {
        if (pool.isShutdown()) {
            return; // the window is closing: a cell laid out after that wants nothing any more
        }
        try {
            execute(image, stillWanted, done);
        } catch (RejectedExecutionException e) {
            LOG.debug("No thumbnail for image {}: the loader is closed", image.id());
        }
    }

    private void execute(ImageRecord image, BooleanSupplier stillWanted, Consumer<Image> done) {
        pool.execute(() -> {
            if (!stillWanted.getAsBoolean()) {
                return;
            }
            Image thumbnail = null;
            try {
                Image inMemory = cached(image.id());
                if (inMemory != null) {
                    Platform.runLater(() -> done.accept(inMemory));
                    return;
                }
                byte[] jpeg = files.thumbnail(image, SIZE);
                thumbnail = new Image(new ByteArrayInputStream(jpeg));
                synchronized (this) {
                    memory.put(image.id(), thumbnail);
                }
            } catch (Exception e) {
                LOG.debug("No thumbnail for image {}: {}", image.id(), e.toString());
            }
            Image result = thumbnail;
            Platform.runLater(() -> done.accept(result));
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
