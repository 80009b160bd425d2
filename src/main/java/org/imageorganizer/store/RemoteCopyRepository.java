package org.imageorganizer.store;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imageorganizer.model.RemoteCopy;
import org.imageorganizer.model.StorageKind;

/**
 * Which images have a copy in the cloud, and how the uploads went. Thread-safe; every change runs in
 * its own short transaction, so a sync killed at any moment loses at most the uploads in flight,
 * which stay {@link Status#UPLOADING} for the next sync to check.
 */
public final class RemoteCopyRepository {

    /** Where an image's upload stands. */
    public enum Status {
        /** A request was sent and not yet confirmed (or the process died meanwhile). */
        UPLOADING,
        /** The cloud has the copy; public id, version and format are recorded. */
        UPLOADED,
        /** The last try failed; the reason is recorded and the next sync tries again. */
        FAILED
    }

    /**
     * One image's row.
     *
     * @param imageId   the image
     * @param publicId  the asset's id in the cloud
     * @param status    where the upload stands
     * @param copy      the confirmed copy, when {@code status} is UPLOADED
     * @param attempts  uploads tried for this image, over all syncs
     * @param lastError why the last try failed, if it did
     * @param syncedAt  when the copy was confirmed
     */
    public record State(long imageId, String publicId, Status status, Optional<RemoteCopy> copy, int attempts,
            String lastError, Instant syncedAt) {
    }

    private static final int MAX_ERROR = 1024;

    private final HibernateOnDemand emf;
    private final Clock clock;

    RemoteCopyRepository(HibernateOnDemand emf, Clock clock) {
        this.emf = Objects.requireNonNull(emf, "emf");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the image's row, if it has one */
    public Optional<State> find(long imageId) {
        return emf.callInTransaction(em -> Optional.ofNullable(em.find(RemoteCopyEntity.class, imageId))
                .map(RemoteCopyRepository::toState));
    }

    /**
     * Images that still need a copy: every image that is not itself stored in the cloud and has no
     * confirmed copy, by ascending id.
     *
     * @param afterId only ids above this one (0 for the first page)
     */
    public List<Long> idsWithoutCopy(long afterId, int limit) {
        return emf.callInTransaction(em -> em.createQuery("select i.id from ImageEntity i where i.id > :after"
                        + " and (i.storage is null or i.storage <> :cloud) and not exists (select r.imageId from RemoteCopyEntity r"
                        + " where r.imageId = i.id and r.status = :uploaded) order by i.id", Long.class)
                .setParameter("after", afterId)
                .setParameter("cloud", StorageKind.CLOUDINARY.name())
                .setParameter("uploaded", Status.UPLOADED.name())
                .setMaxResults(limit)
                .getResultList());
    }

    /** The number of images {@link #idsWithoutCopy} would list. */
    public long countWithoutCopy() {
        return emf.callInTransaction(em -> em.createQuery("select count(i) from ImageEntity i"
                        + " where (i.storage is null or i.storage <> :cloud) and not exists (select r.imageId from RemoteCopyEntity r"
                        + " where r.imageId = i.id and r.status = :uploaded)", Long.class)
                .setParameter("cloud", StorageKind.CLOUDINARY.name())
                .setParameter("uploaded", Status.UPLOADED.name())
                .getSingleResult());
    }

    /** The number of rows in each status. */
    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        emf.runInTransaction(em -> em.createQuery("select r.status, count(r) from RemoteCopyEntity r group by r.status",
                        Object[].class)
                .getResultList()
                .forEach(row -> counts.put(Status.valueOf((String) row[0]), (Long) row[1])));
        return counts;
    }

    /** The images whose last upload failed, with their reasons, by ascending id. */
    public List<State> failures() {
        return emf.callInTransaction(em -> em.createQuery(
                        "select r from RemoteCopyEntity r where r.status = :failed order by r.imageId", RemoteCopyEntity.class)
                .setParameter("failed", Status.FAILED.name())
                .getResultStream()
                .map(RemoteCopyRepository::toState)
                .toList());
    }

    /**
     * Records that an upload is about to be sent (one more attempt).
     *
     * @return false when the image no longer exists
     */
    public boolean markUploading(long imageId, String publicId, String deliveryType) {
        return update(imageId, publicId, deliveryType, row -> {
            row.status = Status.UPLOADING.name();
            row.attempts++;
        });
    }

    /**
     * Records a confirmed copy.
     *
     * @return false when the image no longer exists
     */
    public boolean markUploaded(long imageId, RemoteCopy copy) {
        Instant now = now();
        return update(imageId, copy.publicId(), copy.deliveryType(), row -> {
            row.status = Status.UPLOADED.name();
            row.version = copy.version();
            row.format = copy.format();
            row.lastError = null;
            row.syncedAt = now;
        });
    }

    /**
     * Records a failed upload and its reason; the image stays local and the next sync tries again.
     *
     * @return false when the image no longer exists
     */
    public boolean markFailed(long imageId, String publicId, String deliveryType, String reason) {
        String shown = reason == null ? "unknown error" : reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR - 1) + "…" : reason;
        return update(imageId, publicId, deliveryType, row -> {
            row.status = Status.FAILED.name();
            row.lastError = shown;
        });
    }

    private boolean update(long imageId, String publicId, String deliveryType, java.util.function.Consumer<RemoteCopyEntity> change) {
        Instant now = now();
        try {
            return emf.callInTransaction(em -> {
                if (!imageExists(em, imageId)) {
                    return false;
                }
                RemoteCopyEntity row = em.find(RemoteCopyEntity.class, imageId);
                boolean added = row == null;
                if (added) {
                    row = new RemoteCopyEntity(imageId, publicId, deliveryType);
                }
                row.publicId = publicId;
                row.deliveryType = deliveryType;
                change.accept(row);
                row.updatedAt = now;
                if (added) {
                    em.persist(row);
                }
                return true;
            });
        } catch (RuntimeException e) {
            // the image was deleted between the check and the write (the foreign key refused the row)
            if (findImage(imageId)) {
                throw e;
            }
            return false;
        }
    }

    private boolean findImage(long imageId) {
        return emf.callInTransaction(em -> imageExists(em, imageId));
    }

    private static boolean imageExists(EntityManager em, long imageId) {
        return !em.createQuery("select i.id from ImageEntity i where i.id = :id", Long.class)
                .setParameter("id", imageId).setMaxResults(1).getResultList().isEmpty();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static State toState(RemoteCopyEntity r) {
        Status status = Status.valueOf(r.status);
        Optional<RemoteCopy> copy = status == Status.UPLOADED && r.version != null && r.format != null
                ? Optional.of(new RemoteCopy(r.publicId, r.version, r.format, r.deliveryType))
                : Optional.empty();
        return new State(r.imageId, r.publicId, status, copy, r.attempts, r.lastError, r.syncedAt);
    }
}
