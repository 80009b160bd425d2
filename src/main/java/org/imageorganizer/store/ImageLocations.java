package org.imageorganizer.store;

import jakarta.persistence.EntityManagerFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.imageorganizer.model.ImageRecord;

/**
 * Where the library's images are as files: each image's location, and for an indexed file the
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
        int updated = emf.callInTransaction(em -> em.createQuery("update ImageEntity i set i.location = :location,"
                                + " i.fileName = :fileName, i.fileModifiedNanos = :modified where i.id = :id")
                .setParameter("location", newLocation)
                .setParameter("fileName", newFileName)
                .setParameter("modified", fileModifiedNanos)
                .setParameter("id", id)
                .executeUpdate());
        if (updated == 0) {
            throw new NoSuchElementException("no image with id " + id);
        }
    }

    /**
     * Records the modification time of an image's file, read again and found unchanged in content
     * (a file from before the library kept these times, or one that was only touched). Does not
     * change the library version.
     *
     * @return true if the image exists
     */
    public boolean recordFileModified(long id, long fileModifiedNanos) {
        return emf.callInTransaction(em -> em.createQuery(
                        "update ImageEntity i set i.fileModifiedNanos = :modified where i.id = :id")
                .setParameter("modified", fileModifiedNanos)
                .setParameter("id", id)
                .executeUpdate()) > 0;
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
