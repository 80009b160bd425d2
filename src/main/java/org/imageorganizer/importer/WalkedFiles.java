package org.imageorganizer.importer;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.store.FileStamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a folder import in walk order, with what the walk saw of each (size, modification
 * time), and which of them the library has unchanged: the same path, size and modification time as
 * when it was imported. Those are not read again (see ADR 0026).
 *
 * <p>A modification time is recorded only for a file seen at least {@link #SETTLED} after it last
 * changed. On a file system whose times are coarse (FAT keeps two seconds), a file rewritten with the
 * same size within the same tick as an earlier write would otherwise keep its time and be skipped;
 * a file changed that recently is read again on the next import instead.
 */
final class WalkedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(WalkedFiles.class);
    /** How long after its last change a file's time is trusted to tell any later change. */
    static final Duration SETTLED = Duration.ofSeconds(3);

    private final List<Path> files = new ArrayList<>();
    private final List<FileStamp> stamps = new ArrayList<>();
    private final long walkStartNanos;
    private Map<String, ImageRecord> unchanged = Map.of();

    /** @param walkStart when the walk began: no file's attributes were read before it */
    WalkedFiles(Instant walkStart) {
        this.walkStartNanos = TimeUnit.SECONDS.toNanos(walkStart.getEpochSecond()) + walkStart.getNano();
    }

    /** The walk found a file; call in walk order. */
    void add(Path file, BasicFileAttributes attributes) {
        files.add(file);
        stamps.add(new FileStamp(file.toString(), attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
    }

    /** Asks the library which files it has unchanged; when it cannot say, every file is read (as before the library kept file times). */
    void lookUp(Function<Collection<FileStamp>, Map<String, ImageRecord>> unchangedFiles) {
        try {
            unchanged = stamps.isEmpty() ? Map.of() : unchangedFiles.apply(stamps);
        } catch (RuntimeException e) {
            LOG.warn("Could not look up which files are unchanged; reading them all", e);
            unchanged = Map.of();
        }
    }

    /** The files, in walk order. */
    List<Path> files() {
        return Collections.unmodifiableList(files);
    }

    /** The library's image for the file at {@code index} when the file is unchanged since; null when it must be read. */
    ImageRecord unchanged(int index) {
        return unchanged.get(files.get(index).toString());
    }

    /** How many files must be read (those not unchanged in the library). */
    int toRead() {
        return files.size() - unchanged.size();
    }

    /** The file's last-modified time as the walk saw it. */
    java.time.Instant modified(int index) {
        long nanos = stamps.get(index).modifiedNanos();
        return java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** The modification time to record for the file at {@code index}, or null when it changed too recently to be trusted. */
    Long modifiedToRecord(int index) {
        long modified = stamps.get(index).modifiedNanos();
        return walkStartNanos - modified >= SETTLED.toNanos() ? modified : null;
    }
}
