package org.imageorganizer.sync;

import org.imageorganizer.model.SyncListener;

import org.imageorganizer.model.SyncFailure;

import org.imageorganizer.model.SyncProgress;

import org.imageorganizer.model.SyncSummary;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.RemoteCopy;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.RemoteCopyRepository;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.store.RemoteStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the library's images to a cloud store, in the background of whoever calls {@link #run}:
 * the {@code sync} command, and the window's Sync menu item.
 *
 * <ul>
 *   <li>Idempotent: the images that need a copy are those without a confirmed one, and every asset
 *       is named after its content and uploaded without overwriting, so a second sync sends nothing
 *       and no image ever gets two copies.</li>
 *   <li>Resumable: each image's state is committed on its own before and after its upload. A sync
 *       killed at any moment leaves the images in flight marked as sent-but-unconfirmed; the next
 *       sync asks the store whether each of those arrived before sending it again.</li>
 *   <li>Bounded: at most {@code concurrency} uploads at once; the store retries timeouts, 5xx and
 *       rate limits with backoff.</li>
 *   <li>Safe: an image that fails stays local and is reported with its reason (and recorded, see
 *       {@link #failures()}); the local copy is never deleted because a remote one exists.</li>
 * </ul>
 */
public final class SyncService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** The concurrency when nobody says otherwise. */
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int MAX_CONCURRENCY = 16;
    private static final int PAGE = 200;

    private final ImageRepository images;
    private final RemoteCopyRepository copies;
    private final ImageStorage local;
    private final RemoteStore remote;
    private final int concurrency;

    /**
     * @param images      the library's images
     * @param copies      the library's record of remote copies
     * @param local       where the images' bytes are read from
     * @param remote      the cloud store
     * @param concurrency uploads at once, 1 to {@value #MAX_CONCURRENCY}
     */
    public SyncService(ImageRepository images, RemoteCopyRepository copies, ImageStorage local, RemoteStore remote,
            int concurrency) {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be from 1 to " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        this.images = Objects.requireNonNull(images, "images");
        this.copies = Objects.requireNonNull(copies, "copies");
        this.local = Objects.requireNonNull(local, "local");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.concurrency = concurrency;
    }

    /** The store's name for messages (never its secret). */
    public String destination() {
        return remote.describe();
    }

    /** How many images have no confirmed copy yet (cheap: one count query). */
    public long pending() {
        return copies.countWithoutCopy();
    }

    /** The images whose last upload failed, with the reasons, as recorded by earlier syncs. */
    public List<SyncFailure> failures() {
        List<RemoteCopyRepository.State> failed = copies.failures();
        var byId = new java.util.HashMap<Long, ImageRecord>();
        images.listByIds(failed.stream().map(RemoteCopyRepository.State::imageId).toList()).forEach(i -> byId.put(i.id(), i));
        List<SyncFailure> out = new ArrayList<>();
        for (RemoteCopyRepository.State state : failed) {
            ImageRecord image = byId.get(state.imageId());
            if (image != null) {
                out.add(new SyncFailure(image.id(), image.fileName(), image.location(), state.lastError()));
            }
        }
        return out;
    }

    /**
     * Uploads every image without a confirmed copy; blocks until done, cancelled or stopped.
     *
     * @param listener  hears progress and failures (from worker threads)
     * @param cancelled polled between images: true stops after the uploads in flight
     * @throws InterruptedException when the calling thread is interrupted (the uploads in flight are abandoned)
     */
    public SyncSummary run(SyncListener listener, BooleanSupplier cancelled) throws InterruptedException {
        long started = System.nanoTime();
        Run run = new Run(copies.countWithoutCopy(), listener);
        listener.progress(run.progress(null));
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "cloud-sync");
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(concurrency);
        boolean wasCancelled = false;
        try {
            long after = 0;
            paging:
            while (true) {
                List<Long> ids = copies.idsWithoutCopy(after, PAGE);
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.get(ids.size() - 1);
                for (ImageRecord image : images.listByIds(ids)) {
                    slots.acquire();
                    if (run.stop.get() != null || cancelled.getAsBoolean()) {
                        slots.release();
                        wasCancelled = run.stop.get() == null;
                        break paging;
                    }
                    workers.execute(() -> {
                        try {
                            syncOne(image, run);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            LOG.error("Sync of image {} failed unexpectedly", image.id(), e);
                            run.fail(image, "unexpected error: " + e);
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
            workers.shutdown();
            while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                // uploads in flight finish, or give up after their retries
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            throw e;
        }
        return new SyncSummary(run.total, run.uploaded.get(), run.alreadyThere.get(), run.failuresSorted(), wasCancelled,
                Optional.ofNullable(run.stop.get()), Duration.ofNanos(System.nanoTime() - started));
    }

    private void syncOne(ImageRecord image, Run run) throws InterruptedException {
        if (run.stop.get() != null) {
            return; // the credentials were refused: the others would be too
        }
        String publicId = remote.publicIdOf(image.sha256());
        String type = remote.deliveryType();
        try {
            Optional<RemoteCopyRepository.State> before = copies.find(image.id());
            if (before.isPresent() && before.get().status() == RemoteCopyRepository.Status.UPLOADING) {
                // sent by a sync that died before the answer came: did it arrive?
                Optional<RemoteCopy> there = remote.find(image.sha256());
                if (there.isPresent()) {
                    copies.markUploaded(image.id(), there.get());
                    run.alreadyThere(image);
                    return;
                }
            }
            byte[] content;
            try (InputStream in = local.open(image)) {
                content = in.readAllBytes();
            } catch (IOException e) {
                fail(image, publicId, type, "the local file cannot be read (" + e.getMessage() + ")", run);
                return;
            }
            if (!DigestUtils.sha256Hex(content).equals(image.sha256())) {
                fail(image, publicId, type, "the file changed since it was imported; import it again", run);
                return;
            }
            if (!copies.markUploading(image.id(), publicId, type)) {
                run.skipped(); // deleted from the library meanwhile
                return;
            }
            RemoteStore.Uploaded uploaded = remote.upload(image.sha256(), content, extension(image.format()));
            copies.markUploaded(image.id(), uploaded.copy());
            if (uploaded.existing()) {
                run.alreadyThere(image);
            } else {
                run.uploaded(image);
            }
        } catch (RemoteStoreException e) {
            fail(image, publicId, type, e.getMessage(), run);
            if (e.kind() == RemoteStoreException.Kind.CREDENTIALS) {
                run.stop.compareAndSet(null, e.getMessage());
            }
        }
    }

    private void fail(ImageRecord image, String publicId, String type, String reason, Run run) {
        copies.markFailed(image.id(), publicId, type, reason);
        run.fail(image, reason);
    }

    private static String extension(String format) {
        if (format == null) {
            return "";
        }
        String f = format.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "jpeg" -> "jpg";
            case "tiff" -> "tif";
            default -> f;
        };
    }

    /** One run's counters. */
    private static final class Run {
        final long total;
        final SyncListener listener;
        final AtomicLong done = new AtomicLong();
        final AtomicInteger uploaded = new AtomicInteger();
        final AtomicInteger alreadyThere = new AtomicInteger();
        final List<SyncFailure> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<String> stop = new AtomicReference<>();

        Run(long total, SyncListener listener) {
            this.total = total;
            this.listener = listener;
        }

        void uploaded(ImageRecord image) {
            uploaded.incrementAndGet();
            finished(image);
        }

        void alreadyThere(ImageRecord image) {
            alreadyThere.incrementAndGet();
            finished(image);
        }

        void skipped() {
            done.incrementAndGet();
        }

        void fail(ImageRecord image, String reason) {
            SyncFailure failure = new SyncFailure(image.id(), image.fileName(), image.location(), reason);
            failures.add(failure);
            listener.failed(failure);
            finished(image);
        }

        private void finished(ImageRecord image) {
            done.incrementAndGet();
            listener.progress(progress(image.fileName()));
        }

        SyncProgress progress(String current) {
            return new SyncProgress(total, done.get(), uploaded.get(), alreadyThere.get(), failures.size(), current);
        }

        List<SyncFailure> failuresSorted() {
            synchronized (failures) {
                List<SyncFailure> sorted = new ArrayList<>(failures);
                sorted.sort(java.util.Comparator.comparingLong(SyncFailure::imageId));
                return sorted;
            }
        }
    }
}
