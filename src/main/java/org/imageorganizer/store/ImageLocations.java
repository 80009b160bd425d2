package org.imageorganizer.store;

import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;

/**
 * Where the library's images are as files: each image's location (the file it is read from), every
 * other place a user's file with its content was seen ({@code image_location}), and for each the
 * modification time it had when last read (ADR 0026). An import asks which walked files are
 * unchanged, records the time of a file it read again, and follows a file that moved; the storage
 * check walks every location. None of this changes the library version: clusters stay valid.
 * Thread-safe: every call uses its own entity manager and one short transaction.
 */
public final class ImageLocations {
    private final EntityManagerFactory emf;

    /** @param emf the library's entity manager factory */
    ImageLocations(EntityManagerFactory emf) {
        this.emf = Objects.requireNonNull(emf, "emf");
    }

    /**
     * Records that an image's file moved. Does not change the library version: clusters stay valid.
     *
     * @throws NoSuchElementException if there is no image with this id
     */
    public void relocate(long id, String newLocation, String newFileName) {
        relocate(id, newLocation, newFileName, null);
    }

    /**
     * Records that an image's file moved, with the modification time of the file at its new place
     * (null when unknown: the next import reads it again).
     *
     * @throws NoSuchElementException if there is no image with this id
     */
    public void relocate(long id, String newLocation, String newFileName, Long fileModifiedNanos) {
        Objects.requireNonNull(newLocation, "newLocation");
        Instant now = Instant.now();
        boolean found = emf.callInTransaction(em -> {
            Object[] old = em.createQuery("select i.location, i.storage from ImageEntity i where i.id = :id", Object[].class)
                    .setParameter("id", id)
                    .getResultStream().findFirst().orElse(null);
            if (old == null) {
                return false;
            }
            em.createQuery("update ImageEntity i set i.location = :location,"
                            + " i.fileName = :fileName, i.fileModifiedNanos = :modified where i.id = :id")
                    .setParameter("location", newLocation)
                    .setParameter("fileName", newFileName)
                    .setParameter("modified", fileModifiedNanos)
                    .setParameter("id", id)
                    .executeUpdate();
            if (StorageKind.INDEXED.name().equals(old[1])) {
                em.unwrap(Session.class).doWork(c -> {
                    LocationRows.forget(c, id, (String) old[0]);
                    LocationRows.record(c, id, newLocation, newFileName, fileModifiedNanos, now);
                });
            }
            return true;
        });
        if (!found) {
            throw new NoSuchElementException("no image with id " + id);
        }
    }

    /**
     * Records the modification time of a copy of an image's content, read again and found unchanged in
     * content (a file from before the library kept these times, or one that was only touched), so the
     * next import skips it. Does not change the library version.
     *
     * @return true if the image exists
     */
    public boolean recordFileModified(long id, String location, long fileModifiedNanos) {
        return recordCopy(id, location, Path.of(location).getFileName().toString(), fileModifiedNanos);
    }

    /**
     * Records that a user's file at {@code location} has the image's content: another place the photo
     * is in, or the place it is read from. A path holds one content at a time, so a location recorded
     * for another image is taken from it. Does not change the library version.
     *
     * @param fileModifiedNanos the file's modification time to trust, or null (the next import reads it again)
     * @return true if the image exists
     */
    public boolean recordCopy(long id, String location, String fileName, Long fileModifiedNanos) {
        Objects.requireNonNull(location, "location");
        Instant now = Instant.now();
        return emf.callInTransaction(em -> {
            Long exists = em.createQuery("select count(i) from ImageEntity i where i.id = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (exists == 0) {
                return false;
            }
            em.unwrap(Session.class).doWork(c -> LocationRows.record(c, id, location, fileName, fileModifiedNanos, now));
            return true;
        });
    }

    /** Every place a user's file with the image's content was seen (none for uploads), in path order. */
    public List<String> locationsOf(long id) {
        return emf.callInTransaction(em -> em.unwrap(Session.class).doReturningWork(c -> LocationRows.of(c, id)));
    }

    /**
     * The indexed images whose file is exactly as the library recorded it: the same location, size and
     * modification time ({@link UnchangedFileQuery}, the same rule as {@link LibraryReader#unchangedFiles}).
     * An import skips these files without reading them.
     *
     * @return the images by location; files the library does not have, or has with another size or
     *         time (or none recorded), are left out
     */
    public Map<String, ImageRecord> unchangedFiles(Collection<FileStamp> files) {
        return emf.callInTransaction(em -> em.unwrap(Session.class)
                .doReturningWork(connection -> UnchangedFileQuery.find(connection, files)));
    }

    /**
     * Hands every image's location to {@code action}, whatever its storage: the storage check uses
     * it to learn which files of the managed folder some row points at. Read in pages of
     * {@code pageSize} ids and locations (no embedding), each page its own short transaction keyed
     * on the id, so a large library costs little memory and never holds a long read open.
     * An image added or removed meanwhile may or may not be seen.
     */
    public void forEachLocation(int pageSize, Consumer<String> action) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize);
        }
        long after = Long.MIN_VALUE;
        List<Object[]> page;
        do {
            long from = after;
            page = emf.callInTransaction(em -> em.createQuery(
                            "select i.id, i.location from ImageEntity i where i.id > :after order by i.id", Object[].class)
                    .setParameter("after", from)
                    .setMaxResults(pageSize)
                    .getResultList());
            for (Object[] row : page) {
                action.accept((String) row[1]);
                after = (Long) row[0];
            }
        } while (page.size() == pageSize);
    }
}
