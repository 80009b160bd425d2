package org.imageorganizer.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the managed storage folder back in line with the library after a crash: a stored file
 * that no image points at (the process died between writing the file and committing its row) is
 * moved into {@value ManagedFolder#ORPHANS} inside the folder and logged, never deleted.
 *
 * <p><b>Which files are orphans.</b> A file is referenced when any image's location names it,
 * whatever the image's storage kind (see {@link ManagedFolder#keyOf}): a managed upload, a managed
 * upload that also has a cloud copy, or an original indexed in place inside the folder. The others
 * are orphans only once they are old enough that no upload can still be about to commit their row.
 * An upload writes its file, then commits its row at once, so a row follows its file by at most the
 * time one insert may wait for the database (its lock and pool timeouts are 10 seconds). A pass
 * therefore moves only files last written before the <em>cutoff</em>
 * {@code min(startedAt - TIMESTAMP_SLACK, passStart - margin)}:
 * <ul>
 *   <li>{@code startedAt} is taken before this process accepts any upload, so its own uploads are
 *       never candidates; {@link #TIMESTAMP_SLACK} allows for file systems that keep coarse times
 *       (FAT: 2 s; ext4 stamps from a clock that may lag the JVM's by a tick);</li>
 *   <li>{@code passStart - margin} (taken before the database is read) covers other processes on
 *       the same folder and library (the desktop window's server, a second instance on a shared
 *       folder): a file they wrote more than {@code margin} ago has its row committed by the time it
 *       is read. The margin ({@link #DEFAULT_MARGIN}, one minute) also absorbs modest clock skew
 *       between this host and a network file system's server.</li>
 * </ul>
 * Right after a restart the second bound keeps the newest files (say those of the upload the crash
 * cut short): they are counted as waiting, and the caller runs one more pass after
 * {@link #untilSecondPass} (see {@link BackgroundStorageCheck}).
 *
 * <p><b>Guards against reconciling the wrong library.</b> The folder carries a marker
 * ({@value ManagedFolder#MARKER}) with the library's id, written the first time the check finds
 * the folder consistent with the library (a new folder is created and marked at once). Nothing is
 * moved, and one WARN line says why, when the marker names another library, when the folder has no
 * marker and none of its files is referenced, or when more than half of at least
 * {@value #MIN_FILES_FOR_SHARE} files look orphaned (a mistyped database URL, or two libraries on one
 * folder).
 *
 * <p>Thread-safe as long as one pass runs at a time per folder; meant for one background thread.
 */
public final class StorageReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(StorageReconciler.class);

    /** How old a file must be before a pass judges it, so that no upload still in flight is touched. */
    public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(1);
    /** The coarsest file time stamp allowed for (FAT keeps 2 s). */
    static final Duration TIMESTAMP_SLACK = Duration.ofSeconds(2);
    /** Below this many files, a share of orphans alone never stops the check. */
    static final int MIN_FILES_FOR_SHARE = 10;
    private static final int PAGE = 1000;
    private static final int NAMED_AT_INFO = 20;

    /** How a pass ended. */
    public enum Outcome {
        /** The folder was checked; orphans, if any, were moved. */
        CHECKED,
        /** The marker names another library: nothing moved. */
        FOREIGN_MARKER,
        /** No marker and not one referenced file: the folder may not be this library's; nothing moved. */
        UNCLAIMED,
        /** Most files look orphaned: nothing moved. */
        MOSTLY_ORPHANED,
        /** The folder or the database could not be read: nothing (more) moved. */
        FAILED
    }

    /**
     * What one pass found and did.
     *
     * @param files   stored files old enough to judge (written before the server started)
     * @param orphans those no image points at
     * @param moved   the orphans moved into {@value ManagedFolder#ORPHANS}
     * @param waiting orphans left for a later pass: too recent to judge yet
     * @param took    how long the pass took
     */
    public record Pass(Outcome outcome, int files, int orphans, List<String> moved, int waiting, Duration took) {
        public Pass {
            moved = List.copyOf(moved);
        }
    }

    private final ManagedFolder folder;
    private final ImageLocations locations;
    private final LibraryInfo info;
    private final Clock clock;
    private final Duration margin;

    /** With the default margin and the system clock. */
    public StorageReconciler(ManagedFolder folder, ImageLocations locations, LibraryInfo info) {
        this(folder, locations, info, Clock.systemUTC(), DEFAULT_MARGIN);
    }

    /**
     * @param clock  gives each pass's start (compared with the files' modification times)
     * @param margin how old a file must be before a pass judges it
     */
    public StorageReconciler(ManagedFolder folder, ImageLocations locations, LibraryInfo info, Clock clock, Duration margin) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.info = Objects.requireNonNull(info, "info");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    /** How long from now until a second pass can judge every file the first one left waiting. */
    public Duration untilSecondPass(Instant startedAt) {
        Duration left = Duration.between(clock.instant(), startedAt.plus(margin));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * One pass over the folder; logs what it did (a WARN line when it refuses) and never throws.
     *
     * @param startedAt when this process started taking uploads (before its first one)
     */
    public Pass reconcile(Instant startedAt) {
        Instant passStart = clock.instant();
        long began = System.nanoTime();
        try {
            return reconcile(startedAt, passStart, began);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Storage check of {} failed, nothing more is moved: {}", folder.folder(), reason(e));
            return new Pass(Outcome.FAILED, 0, 0, List.of(), 0, since(began));
        }
    }

    private Pass reconcile(Instant startedAt, Instant passStart, long began) throws IOException {
        String libraryId = info.libraryId();
        Optional<String> marker = folder.readMarker();
        if (marker.isPresent() && !marker.get().equals(libraryId)) {
            LOG.warn("Storage check skipped, nothing moved: the storage folder {} belongs to library {} (its {}), not to"
                            + " this library {}; two libraries may share the folder, or the database is not the one meant.",
                    folder.folder(), marker.get(), ManagedFolder.MARKER, libraryId);
            return new Pass(Outcome.FOREIGN_MARKER, 0, 0, List.of(), 0, since(began));
        }
        Instant startCutoff = startedAt.minus(TIMESTAMP_SLACK);
        Instant cutoff = min(startCutoff, passStart.minus(margin));

        Set<String> referenced = new HashSet<>();
        locations.forEachLocation(PAGE, location -> folder.keyOf(location).ifPresent(referenced::add));
        int[] files = {0};
        List<ManagedFolder.StoredFile> orphans = new ArrayList<>();
        folder.forEachStored(file -> {
            if (file.modified().isBefore(startCutoff)) {
                files[0]++;
                if (!referenced.contains(file.key())) {
                    orphans.add(file);
                }
            }
        });
        int total = files[0];
        if (marker.isEmpty() && total > 0 && orphans.size() == total) {
            LOG.warn("Storage check skipped, nothing moved: none of the {} files in the storage folder {} belongs to an"
                            + " image of this library, and the folder has no {} marker; check the database and the"
                            + " storage folder the server was given.", total, folder.folder(), ManagedFolder.MARKER);
            return new Pass(Outcome.UNCLAIMED, total, orphans.size(), List.of(), 0, since(began));
        }
        if (total >= MIN_FILES_FOR_SHARE && orphans.size() * 2 > total) {
            LOG.warn("Storage check skipped, nothing moved: {} of the {} files in the storage folder {} belong to no image"
                            + " of this library; the database may not be this folder's, or two libraries share the folder.",
                    orphans.size(), total, folder.folder());
            return new Pass(Outcome.MOSTLY_ORPHANED, total, orphans.size(), List.of(), 0, since(began));
        }
        if (marker.isEmpty()) {
            claim(libraryId);
        }
        List<String> moved = new ArrayList<>();
        int waiting = 0;
        for (ManagedFolder.StoredFile orphan : orphans) {
            if (Thread.currentThread().isInterrupted()) {
                break; // the server is stopping: the next start carries on
            }
            if (!orphan.modified().isBefore(cutoff)) {
                waiting++;
            } else if (moveAside(orphan, moved.size() < NAMED_AT_INFO)) {
                moved.add(orphan.key());
            }
        }
        Pass pass = new Pass(Outcome.CHECKED, total, orphans.size(), moved, waiting, since(began));
        LOG.info("Storage check of {}: {} files from before the start, {} moved into {}/ (no image points at them{}),"
                        + " {} too recent to judge yet ({} ms)", folder.folder(), total, moved.size(), ManagedFolder.ORPHANS,
                moved.size() > NAMED_AT_INFO ? "; the first " + NAMED_AT_INFO + " named above, the others at DEBUG" : "",
                waiting, pass.took().toMillis());
        return pass;
    }

    private void claim(String libraryId) throws IOException {
        try {
            folder.writeMarker(libraryId);
            LOG.info("Marked the storage folder {} as library {}'s ({})", folder.folder(), libraryId, ManagedFolder.MARKER);
        } catch (FileAlreadyExistsException e) {
            // another process marked it meanwhile; the next start compares
        }
    }

    /** Moves one orphan; false when it is gone or cannot be moved (logged). */
    private boolean moveAside(ManagedFolder.StoredFile orphan, boolean atInfo) {
        try {
            folder.moveToOrphans(orphan.key());
        } catch (NoSuchFileException e) {
            return false; // deleted meanwhile
        } catch (IOException e) {
            LOG.warn("Could not move the orphaned file {} into {}/: {}", orphan.key(), ManagedFolder.ORPHANS, reason(e));
            return false;
        }
        String line = "Moved {} into {}/: no image points at it (last written {})";
        if (atInfo) {
            LOG.info(line, orphan.key(), ManagedFolder.ORPHANS, orphan.modified());
        } else {
            LOG.debug(line, orphan.key(), ManagedFolder.ORPHANS, orphan.modified());
        }
        return true;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration since(long began) {
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + LibraryException.firstLine(message));
    }
}
