package org.imageorganizer.app;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.cluster.StoredTree;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.Settings;
import org.imageorganizer.services.DeferredLibraryQueries;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.ClusterNaming;
import org.imageorganizer.services.OpenedLibrary;
import org.imageorganizer.services.StoredClusterNaming;
import org.imageorganizer.services.ReadOnlyLibrary;
import org.imageorganizer.services.StoredLibraryQueries;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's library, opened so that the window never waits for it (ADR 0031). Nothing is opened
 * up front. The window's first read opens, when the library exists with this program's schema, its
 * plain-JDBC reader ({@link ReadOnlyLibrary}, ADR 0025: neither Flyway nor Hibernate, a fraction of a
 * second), which answers the window's reads while the full library (Flyway's check, Hibernate, the
 * clustering) opens on a background thread; from then on the full library answers everything.
 * Imports, removals and the server use the full library, and wait for it if needed. A library that
 * does not exist yet, or has another schema, is opened fully at the first read.
 */
final class DesktopLibrary implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopLibrary.class);

    private final Core core;
    private final Duration debounce;
    private final ImageFiles files;
    private final Runnable recomputed;
    private final Executor background;
    private final Object opening = new Object();
    private final Object reading = new Object();
    /** Set once the library is open: first the clusterer, then the library, then its queries. */
    private volatile LibraryClusterer clusterer;
    private volatile LibraryDatabase library;
    private volatile LibraryQueries full;
    /** Guarded by {@link #opening}. */
    private boolean closed;
    /** Guarded by {@link #reading}. */
    private ReadOnlyLibrary reader;
    private boolean readerTried;

    /**
     * @param debounce   how long the window's clustering waits after a change
     * @param files      the images' bytes (for the reader, which the window does not ask for them)
     * @param recomputed told when the clustering recomputed the clusters
     */
    DesktopLibrary(Core core, Duration debounce, ImageFiles files, Runnable recomputed) {
        this(core, debounce, files, recomputed, task -> {
            Thread thread = new Thread(task, "library-open");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** @param background where the full library is opened behind the reader (tests hold it) */
    DesktopLibrary(Core core, Duration debounce, ImageFiles files, Runnable recomputed, Executor background) {
        this.core = core;
        this.debounce = debounce;
        this.files = files;
        this.recomputed = recomputed;
        this.background = background;
    }

    /** What the window reads: the reader until the full library is open, then the full library. */
    LibraryQueries queries() {
        return new DeferredLibraryQueries(this::current);
    }

    private LibraryQueries current() {
        LibraryQueries open = full;
        if (open != null) {
            return open;
        }
        LibraryQueries early = early();
        if (early != null) {
            return early;
        }
        library();
        return full;
    }

    /** The reader's queries (opening it, and the full library behind it, on first use); null when there is none. */
    private LibraryQueries early() {
        synchronized (reading) {
            if (!readerTried) {
                readerTried = true;
                reader = openReader();
                if (reader != null) {
                    openInBackground();
                }
            }
            return reader == null ? null : reader.queries();
        }
    }

    private ReadOnlyLibrary openReader() {
        Optional<LibraryReader> opened;
        try {
            opened = core.openReader(DatabaseLocation.DEFAULT);
        } catch (RuntimeException e) {
            LOG.info("The library could not be read early ({}); opening it fully", e.toString()); // which says why
            return null;
        }
        return opened.map(r -> new ReadOnlyLibrary(r, new StoredTree(core.settings().clustering().toClusterSettings()),
                files, this::fullView)).orElse(null);
    }

    private void openInBackground() {
        background.execute(() -> {
            try {
                library();
            } catch (RuntimeException | Error e) {
                LOG.warn("The library could not be opened: {}", e.toString()); // the window goes on reading; an import says why
            }
        });
    }

    /** The full library as the reader hands over to it (for a tree that must be recomputed); this object closes it. */
    private OpenedLibrary fullView() {
        library();
        return new OpenedLibrary() {
            @Override
            public LibraryQueries queries() {
                return full;
            }

            @Override
            public ImageFiles files() {
                return files;
            }

            @Override
            public ClusterNaming clusterNaming() {
                return new StoredClusterNaming(library().clusters());
            }

            @Override
            public java.util.Map<Long, java.util.List<String>> severalPlaces() {
                return library().fingerprints().severalPlaces();
            }

            @Override
            public void close() {
                // the window's library stays open until the window closes
            }
        };
    }

    /**
     * The library, opened on first use (Flyway's check and Hibernate's start take seconds): any thread
     * but the FX thread. A failure is thrown to the caller, and the next use tries again.
     */
    LibraryDatabase library() {
        LibraryDatabase open = library;
        if (open != null) {
            return open;
        }
        synchronized (opening) {
            if (library == null) {
                if (closed) {
                    throw new IllegalStateException("The window is closing.");
                }
                long start = System.nanoTime();
                LibraryDatabase opened = core.openLibrary(DatabaseLocation.DEFAULT);
                opened.prepareQueries(); // removals go through Hibernate: it starts when the CPU is free
                try {
                    clusterer = newClusterer(opened, core.settings());
                } catch (RuntimeException | Error e) {
                    opened.close();
                    throw e;
                }
                library = opened;
                full = new StoredLibraryQueries(opened.images(), () -> clusterer);
                LOG.info("Library opened in {} ms", (System.nanoTime() - start) / 1_000_000);
                clusterer.libraryChanged(); // catch up with anything imported elsewhere meanwhile
                fillPhotoMetadata(opened);
            }
            return library;
        }
    }

    /** Photos imported before dates were read gain them in the background; the window shows them as they come. */
    private void fillPhotoMetadata(LibraryDatabase opened) {
        Thread thread = new Thread(() -> {
            try {
                core.metadataBackfill(opened, core.localStorage()).run(this::isClosed, recomputed);
            } catch (RuntimeException e) {
                LOG.warn("The dates taken of older photos could not be read: {}", e.toString());
            }
        }, "photo-metadata-backfill");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private boolean isClosed() {
        synchronized (opening) {
            return closed;
        }
    }

    /** The clustering in use now (opening the library first if needed). */
    LibraryClusterer clusterer() {
        library();
        return clusterer;
    }

    /** The clustering in use now, or null while the library is not open (nothing can change it then). */
    LibraryClusterer clustererIfOpen() {
        return clusterer;
    }

    private LibraryClusterer newClusterer(LibraryDatabase opened, Settings settings) {
        LibraryClusterer made = core.clusterer(opened, settings.clustering().toClusterSettings(), debounce);
        made.addRecomputedListener(recomputed::run);
        return made;
    }

    /**
     * New clustering parameters apply now: stored groups are recomputed because their algorithm changed.
     * A library not open yet opens with them.
     *
     * @param keepOld whether the old clustering is still in use (by the server), so not to be closed
     */
    void clusteringChanged(Settings settings, boolean keepOld) {
        synchronized (opening) {
            if (library == null) {
                return;
            }
            LibraryClusterer old = clusterer;
            clusterer = newClusterer(library, settings);
            clusterer.libraryChanged();
            if (!keepOld) {
                old.close();
            }
        }
    }

    /** Closes the reader, the clustering and the library; waits for an opening under way. */
    @Override
    public void close() {
        synchronized (opening) {
            closed = true;
        }
        synchronized (reading) {
            readerTried = true;
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
        if (clusterer != null) {
            clusterer.close();
        }
        if (library != null) {
            library.close();
        }
    }
}
